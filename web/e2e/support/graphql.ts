import type { GqlClient } from '@clinigraph/kit/testing';
import { print } from 'graphql';
import type { ResultOf, TadaDocumentNode, VariablesOf } from '../../src/lib/graphql.ts';
import { isPresent } from '../../src/lib/unavailable.ts';

export { graphql } from '../../src/lib/graphql.ts';

/**
 * Sends a document written with `graphql()` through a test client: it is checked against the API
 * schema by `npm run typecheck`, and the answer is typed from it. It fails the test on any error or
 * any null root field (root fields are nullable in the API, for partial answers).
 */
export async function ask<Document extends TadaDocumentNode<any, any>>(client: GqlClient, document: Document, variables?: VariablesOf<Document>) {
  const answer = await client.data<ResultOf<Document>>(print(document), variables);
  if (!isPresent(answer)) throw new Error(`A root field is null: ${JSON.stringify(answer)}`);
  return answer;
}
