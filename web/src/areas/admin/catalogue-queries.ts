import { graphql, type ResultOf, type VariablesOf } from '../../lib/graphql.ts';

/** A catalogue item as the catalogue page shows and edits it. */
export const ITEM_FIELDS = graphql(`
  fragment CatalogueItem on Item {
    id sku name kind unit genericName form strength reorderLevel reorderQuantity active
    preferredSupplier { id name }
  }
`);

export type CatalogueItem = ResultOf<typeof ITEM_FIELDS>;

export const CATALOGUE = graphql(
  `
  query Catalogue($search: String, $kind: ItemKind) {
    items(search: $search, kind: $kind, includeInactive: true) { ...CatalogueItem }
    suppliers { id name active }
  }
`,
  [ITEM_FIELDS],
);

export const CREATE_ITEM = graphql(
  `
  mutation CreateItem($input: CreateItemInput!) {
    createItem(input: $input) { ...CatalogueItem }
  }
`,
  [ITEM_FIELDS],
);

export const UPDATE_ITEM = graphql(
  `
  mutation UpdateItem($id: ID!, $input: UpdateItemInput!) {
    updateItem(id: $id, input: $input) { ...CatalogueItem }
  }
`,
  [ITEM_FIELDS],
);

export type ItemKind = VariablesOf<typeof CREATE_ITEM>['input']['kind'];
export const ITEM_KINDS: readonly ItemKind[] = ['MEDICINE', 'CONSUMABLE', 'EQUIPMENT', 'REAGENT'];

export const SUPPLIERS = graphql(`
  query AdminSuppliers {
    suppliers { id code name email phone leadTimeDays active }
  }
`);

export const CREATE_SUPPLIER = graphql(`
  mutation CreateSupplier($input: CreateSupplierInput!) {
    createSupplier(input: $input) { id code name email phone leadTimeDays active }
  }
`);

export const LOCATIONS = graphql(`
  query AdminLocations($facilityId: ID!) {
    locations(facilityId: $facilityId) { id code name kind active }
  }
`);

export const CREATE_LOCATION = graphql(`
  mutation CreateLocation($input: CreateLocationInput!) {
    createLocation(input: $input) { id code name kind active }
  }
`);

export type LocationKind = VariablesOf<typeof CREATE_LOCATION>['input']['kind'];
export const LOCATION_KINDS: readonly LocationKind[] = ['PHARMACY', 'WARD_CABINET', 'LAB', 'STORE'];
