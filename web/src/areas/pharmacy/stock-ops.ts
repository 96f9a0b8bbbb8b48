import { graphql, type ResultOf } from '../../lib/graphql.ts';
import type { Present } from '../../lib/unavailable.ts';

export const LOT_BALANCES = graphql(`
  query LotBalances($facilityId: ID!) {
    stockBalances(filter: { facilityId: $facilityId }) {
      quantity
      item { id name unit }
      lot { id lotNumber expiresOn }
      location { id name }
    }
  }
`);

/** What one lot holds at one location. */
export type LotBalance = Present<ResultOf<typeof LOT_BALANCES>>['stockBalances'][number];

/** What a stock operation moved. */
const OPERATION_FIELDS = graphql(`
  fragment StockOperationFields on StockOperation {
    operationId movements { quantity }
  }
`);

export const ADJUST_STOCK = graphql(
  `
  mutation AdjustStock($input: AdjustStockInput!) { adjustStock(input: $input) { ...StockOperationFields } }
`,
  [OPERATION_FIELDS],
);

export const TRANSFER_STOCK = graphql(
  `
  mutation TransferStock($input: TransferStockInput!) { transferStock(input: $input) { ...StockOperationFields } }
`,
  [OPERATION_FIELDS],
);

export const WRITE_OFF_STOCK = graphql(
  `
  mutation WriteOffStock($input: WriteOffStockInput!) { writeOffStock(input: $input) { ...StockOperationFields } }
`,
  [OPERATION_FIELDS],
);

export const RECEIVE_STOCK = graphql(
  `
  mutation ReceiveStock($input: ReceiveStockInput!) { receiveStock(input: $input) { ...StockOperationFields } }
`,
  [OPERATION_FIELDS],
);

export const RETURN_STOCK = graphql(
  `
  mutation ReturnStock($input: ReturnStockInput!) { returnStock(input: $input) { ...StockOperationFields } }
`,
  [OPERATION_FIELDS],
);

export const ISSUE_STOCK = graphql(`
  mutation IssueStock($input: IssueStockInput!) {
    issueStock(input: $input) { operationId lines { quantity item { id name unit } allocations { quantity } } }
  }
`);

/** A whole number within 1..max, or null. */
export const unitsWithin = (text: string, max: number): number | null =>
  /^\d+$/.test(text.trim()) && Number(text) > 0 && Number(text) <= max ? Number(text) : null;
