import type { GqlClient } from '@clinigraph/kit/testing';
import { print } from 'graphql';
import type { ResultOf, TadaDocumentNode, VariablesOf } from '../../src/lib/graphql.ts';

export { graphql } from '../../src/lib/graphql.ts';

/**
 * Sends a document written with `graphql()` through a test client: it is checked against the API
 * schema by `npm run typecheck`, and the answer is typed from it.
 */
export const ask = <Document extends TadaDocumentNode<any, any>>(client: GqlClient, document: Document, variables?: VariablesOf<Document>) =>
  client.data<ResultOf<Document>>(print(document), variables);
