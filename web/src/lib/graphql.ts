import { initGraphQLTada } from 'gql.tada';
import type { introspection } from '../graphql-env.d.ts';

/**
 * Every GraphQL document of the app is written with this tag: gql.tada types it from the API schema
 * (`schema/api.graphql`, written by `npm run compose`), so a field the API lacks, a wrong argument or a
 * wrong variable type fails `npm run typecheck`, and results and variables need no hand-written types.
 * Scalars are typed as the API serialises them.
 */
export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: {
    /** An instant, ISO 8601 with offset. */
    DateTime: string;
    /** A calendar date, YYYY-MM-DD. */
    Date: string;
  };
}>();

export type { FragmentOf, ResultOf, TadaDocumentNode, VariablesOf } from 'gql.tada';
/** `maskFragments` builds a fragment's masked data in component tests. */
export { maskFragments, readFragment } from 'gql.tada';
