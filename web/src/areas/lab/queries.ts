import { graphql, type ResultOf } from '../../lib/graphql.ts';
import type { Present } from '../../lib/unavailable.ts';

/** An order as the worklist shows it. */
export const WORKLIST_ORDER_FIELDS = graphql(`
  fragment WorklistOrderFields on LabOrder {
    id status priority orderedAt specimen clinicalInfo
    patient { id displayName mrn }
    orderingProvider { displayName }
    items { id testName result { flag } }
  }
`);

export type WorklistOrder = ResultOf<typeof WORKLIST_ORDER_FIELDS>;

export const LAB_WORKLIST = graphql(
  `
  query LabWorklist($statuses: [LabOrderStatus!]) {
    labWorklist(statuses: $statuses) { ...WorklistOrderFields }
  }
`,
  [WORKLIST_ORDER_FIELDS],
);

/** Every order placed, moved along or resulted, as it happens. */
export const LAB_ORDER_CHANGED = graphql(
  `
  subscription LabOrderChanged($after: String) {
    labOrderChanged(after: $after) { cursor labOrder { ...WorklistOrderFields } }
  }
`,
  [WORKLIST_ORDER_FIELDS],
);

/**
 * One version of a test's result. Unmasked: a plain value that the page, the entry form and the
 * history all show, so each reads it without readFragment.
 */
export const LAB_RESULT_FIELDS = graphql(`
  fragment LabResultFields on LabResult @_unmask {
    id version value text flag comment correctionReason enteredAt
  }
`);

export type LabResultInfo = ResultOf<typeof LAB_RESULT_FIELDS>;

export const LAB_ORDER = graphql(
  `
  query LabOrder($id: ID!) {
    labOrder(id: $id) {
      id status priority orderedAt specimen clinicalInfo patient { id displayName mrn } orderingProvider { displayName }
      collectedAt receivedAt verifiedAt releasedAt
      items { id testCode testName unit referenceLow referenceHigh plausibleLow plausibleHigh result { ...LabResultFields } versions { ...LabResultFields } }
    }
  }
`,
  [LAB_RESULT_FIELDS],
);

export type LabOrderDetail = Present<ResultOf<typeof LAB_ORDER>>['labOrder'];
export type LabItemInfo = LabOrderDetail['items'][number];

export const COLLECT_SAMPLE = graphql(`
  mutation CollectLabSample($orderId: ID!, $specimen: String!) {
    collectLabSample(orderId: $orderId, specimen: $specimen) { id status specimen collectedAt }
  }
`);

export const RECEIVE_ORDER = graphql(`
  mutation ReceiveLabOrder($id: ID!) { receiveLabOrder(id: $id) { id status receivedAt } }
`);

export const VERIFY_ORDER = graphql(`
  mutation VerifyLabOrder($id: ID!) { verifyLabOrder(id: $id) { id status verifiedAt } }
`);

export const RELEASE_ORDER = graphql(`
  mutation ReleaseLabOrder($id: ID!) { releaseLabOrder(id: $id) { id status releasedAt } }
`);

export const ENTER_RESULT = graphql(
  `
  mutation EnterLabResult($orderItemId: ID!, $value: Float, $text: String, $abnormal: Boolean, $comment: String, $correctionReason: String) {
    enterLabResult(orderItemId: $orderItemId, value: $value, text: $text, abnormal: $abnormal, comment: $comment, correctionReason: $correctionReason) {
      ...LabResultFields
    }
  }
`,
  [LAB_RESULT_FIELDS],
);

/** The reference range of a test in words, e.g. "3.5–5.1 mmol/L". */
export function rangeText(item: Pick<LabItemInfo, 'referenceLow' | 'referenceHigh' | 'unit'>): string {
  const unit = item.unit ? ` ${item.unit}` : '';
  if (item.referenceLow !== null && item.referenceHigh !== null) return `${item.referenceLow}–${item.referenceHigh}${unit}`;
  if (item.referenceLow !== null) return `≥ ${item.referenceLow}${unit}`;
  if (item.referenceHigh !== null) return `≤ ${item.referenceHigh}${unit}`;
  return 'No reference range';
}

export const isAbnormal = (flag: string) => flag !== 'NORMAL';
