import { gql } from '@urql/solid';

export interface PurchaseOrderInfo {
  id: string;
  number: string;
  status: 'DRAFT' | 'ORDERED' | 'PARTIALLY_RECEIVED' | 'RECEIVED' | 'CANCELLED';
  createdAt: string;
  supplier: { name: string };
  deliverTo: { id: string; name: string };
  lines: { id: string; quantityOrdered: number; quantityReceived: number; outstanding: number; item: { name: string; unit: string } }[];
}

const PO_FIELDS = `id number status createdAt supplier { name } deliverTo { id name } lines { id quantityOrdered quantityReceived outstanding item { name unit } }`;

export const PURCHASE_ORDERS = gql`
  query PurchaseOrders($facilityId: ID!) {
    purchaseOrders(facilityId: $facilityId) { ${PO_FIELDS} }
  }
`;

export const SUBMIT_PO = gql`
  mutation SubmitPurchaseOrder($id: ID!) {
    submitPurchaseOrder(id: $id) { ${PO_FIELDS} }
  }
`;

export const CANCEL_PO = gql`
  mutation CancelPurchaseOrder($id: ID!) {
    cancelPurchaseOrder(id: $id) { ${PO_FIELDS} }
  }
`;

export const DRAFT_SUGGESTED = gql`
  mutation DraftSuggested($facilityId: ID!, $deliverToLocationId: ID!) {
    draftSuggestedPurchaseOrders(facilityId: $facilityId, deliverToLocationId: $deliverToLocationId) { ${PO_FIELDS} }
  }
`;

export const RECEIVE_PO = gql`
  mutation ReceivePurchaseOrder($input: ReceivePurchaseOrderInput!) {
    receivePurchaseOrder(input: $input) { purchaseOrder { ${PO_FIELDS} } }
  }
`;
