import { graphql, type ResultOf } from '../../lib/graphql.ts';
import { listsOf } from '../../lib/lists.ts';
import type { Present } from '../../lib/unavailable.ts';

/** A purchase order with its lines, as the purchasing page shows it. */
export const PO_FIELDS = graphql(`
  fragment PurchaseOrderFields on PurchaseOrder {
    id number status createdAt supplier { name } deliverTo { id name }
    lines { id quantityOrdered quantityReceived outstanding item { name unit } }
  }
`);

export type PurchaseOrderInfo = ResultOf<typeof PO_FIELDS>;

export const PURCHASE_ORDERS = graphql(
  `
  query PurchaseOrders($facilityId: ID!) {
    purchaseOrders(facilityId: $facilityId) { ...PurchaseOrderFields }
  }
`,
  [PO_FIELDS],
);

export const SUBMIT_PO = graphql(
  `
  mutation SubmitPurchaseOrder($id: ID!) {
    submitPurchaseOrder(id: $id) { ...PurchaseOrderFields }
  }
`,
  [PO_FIELDS],
);

export const CANCEL_PO = graphql(
  `
  mutation CancelPurchaseOrder($id: ID!) {
    cancelPurchaseOrder(id: $id) { ...PurchaseOrderFields }
  }
`,
  [PO_FIELDS],
);

export const DRAFT_SUGGESTED = graphql(
  `
  mutation DraftSuggested($facilityId: ID!, $deliverToLocationId: ID!) {
    draftSuggestedPurchaseOrders(facilityId: $facilityId, deliverToLocationId: $deliverToLocationId) { ...PurchaseOrderFields }
  }
`,
  [PO_FIELDS],
);

export const RECEIVE_PO = graphql(
  `
  mutation ReceivePurchaseOrder($input: ReceivePurchaseOrderInput!) {
    receivePurchaseOrder(input: $input) { purchaseOrder { ...PurchaseOrderFields } }
  }
`,
  [PO_FIELDS],
);

export const CREATE_PO = graphql(
  `
  mutation CreatePurchaseOrder($input: CreatePurchaseOrderInput!) {
    createPurchaseOrder(input: $input) { id number ...PurchaseOrderFields }
  }
`,
  [PO_FIELDS],
);

export const SUGGESTED_POS = graphql(`
  query SuggestedPurchaseOrders($facilityId: ID!) {
    suggestedPurchaseOrders(facilityId: $facilityId) {
      supplier { id name }
      lines { onHand onOrder reorderLevel suggestedQuantity item { id name unit } }
    }
  }
`);

export type SuggestedOrder = Present<ResultOf<typeof SUGGESTED_POS>>['suggestedPurchaseOrders'][number];

/** Lists a mutation returning a purchase order must refresh, even while they are empty. */
export const PO_LISTS = listsOf('PurchaseOrder');
