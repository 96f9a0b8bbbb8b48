import type { introspection } from '../graphql-env.d.ts';

/** The name of an object type of the API (checked against `schema/api.graphql` at typecheck). */
export type Typename = {
  [K in keyof introspection['types']]: introspection['types'][K] extends { kind: 'OBJECT' } ? K : never;
}[keyof introspection['types']];

/**
 * The query context of a query that shows lists: the types its lists hold. urql's document cache
 * refetches a query when a mutation returns a type the query's result contains, but an empty list
 * contains no type, so the first entry of a list would never show. Declaring the list's types here
 * makes a mutation returning one (`recordVitals` → `Vitals`) refetch the query, empty list or not.
 * Use it on every query that renders a list a mutation can add to:
 * `createQuery({ query: ENCOUNTER, context: listsOf('Vitals', 'Diagnosis') })`.
 */
export const listsOf = (...typenames: Typename[]): { additionalTypenames: Typename[] } => ({ additionalTypenames: typenames });
