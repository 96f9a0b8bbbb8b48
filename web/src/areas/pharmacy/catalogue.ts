import { createQuery } from '@urql/solid';
import { graphql, type ResultOf, type VariablesOf } from '../../lib/graphql.ts';
import type { Present } from '../../lib/unavailable.ts';

export const CATALOGUE_ITEMS = graphql(`
  query CatalogueItems($kind: ItemKind) {
    items(kind: $kind) { id name unit kind reorderQuantity preferredSupplier { id } }
  }
`);

export type CatalogueItem = Present<ResultOf<typeof CATALOGUE_ITEMS>>['items'][number];
type ItemKind = NonNullable<VariablesOf<typeof CATALOGUE_ITEMS>['kind']>;

export const SUPPLIERS = graphql(`
  query Suppliers {
    suppliers { id name active }
  }
`);

export type SupplierInfo = Present<ResultOf<typeof SUPPLIERS>>['suppliers'][number];

/** The active items of the catalogue, of one kind when given. */
export function useItems(kind?: ItemKind) {
  const [result] = createQuery({ query: CATALOGUE_ITEMS, variables: kind ? { kind } : {} });
  return () => result.data?.items ?? [];
}

/** The active suppliers. */
export function useSuppliers() {
  const [result] = createQuery({ query: SUPPLIERS });
  return () => (result.data?.suppliers ?? []).filter((s) => s.active);
}

/** The largest quantity the API takes in one stock line. */
export const MAX_UNITS = 1_000_000;
