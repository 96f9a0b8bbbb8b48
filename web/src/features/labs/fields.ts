import { graphql, type ResultOf } from '../../lib/graphql.ts';

/** A lab order with its tests and their current results, as charts and the portal show it. */
export const LAB_ORDER_FIELDS = graphql(`
  fragment LabOrderFields on LabOrder {
    id status orderedAt items { id testName unit referenceLow referenceHigh result { value text flag } }
  }
`);

export type LabOrderInfo = ResultOf<typeof LAB_ORDER_FIELDS>;
