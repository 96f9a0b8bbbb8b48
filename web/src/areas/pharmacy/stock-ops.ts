import { gql } from '@urql/solid';

export interface LotBalance {
  quantity: number;
  item: { id: string; name: string; unit: string };
  lot: { id: string; lotNumber: string; expiresOn: string | null };
  location: { id: string; name: string };
}

export const LOT_BALANCES = gql`
  query LotBalances($facilityId: ID!) {
    stockBalances(filter: { facilityId: $facilityId }) {
      quantity
      item { id name unit }
      lot { id lotNumber expiresOn }
      location { id name }
    }
  }
`;

const OPERATION = 'operationId movements { quantity }';

export const ADJUST_STOCK = gql`
  mutation AdjustStock($input: AdjustStockInput!) { adjustStock(input: $input) { ${OPERATION} } }
`;

export const TRANSFER_STOCK = gql`
  mutation TransferStock($input: TransferStockInput!) { transferStock(input: $input) { ${OPERATION} } }
`;

export const WRITE_OFF_STOCK = gql`
  mutation WriteOffStock($input: WriteOffStockInput!) { writeOffStock(input: $input) { ${OPERATION} } }
`;

/** A whole number within 1..max, or null. */
export const unitsWithin = (text: string, max: number): number | null =>
  /^\d+$/.test(text.trim()) && Number(text) > 0 && Number(text) <= max ? Number(text) : null;
