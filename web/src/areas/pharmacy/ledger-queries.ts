import { graphql, type ResultOf } from '../../lib/graphql.ts';
import type { Present } from '../../lib/unavailable.ts';

export const STOCK_MOVEMENTS = graphql(`
  query StockMovements($filter: StockMovementFilter!, $first: Int!, $after: String) {
    stockMovements(filter: $filter, first: $first, after: $after) {
      nodes {
        id kind quantity reason referenceType referenceId occurredAt
        item { id name unit } lot { id lotNumber } location { id name }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export type MovementInfo = Present<ResultOf<typeof STOCK_MOVEMENTS>>['stockMovements']['nodes'][number];

/** Rows per page of the ledger. */
export const LEDGER_PAGE = 50;
