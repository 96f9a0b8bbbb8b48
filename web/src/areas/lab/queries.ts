import { gql } from '@urql/solid';

export interface LabResultInfo {
  id: string;
  version: number;
  value: number | null;
  text: string | null;
  flag: string;
  comment: string | null;
  correctionReason: string | null;
  enteredAt: string;
}

export interface LabItemInfo {
  id: string;
  testCode: string;
  testName: string;
  unit: string | null;
  referenceLow: number | null;
  referenceHigh: number | null;
  result: LabResultInfo | null;
  versions: LabResultInfo[];
}

export interface WorklistOrder {
  id: string;
  status: string;
  priority: string;
  orderedAt: string;
  specimen: string | null;
  clinicalInfo: string | null;
  patient: { id: string; displayName: string; mrn: string };
  orderingProvider: { displayName: string };
  items: { id: string; testName: string; result: { flag: string } | null }[];
}

export interface LabOrderDetail extends Omit<WorklistOrder, 'items'> {
  collectedAt: string | null;
  receivedAt: string | null;
  verifiedAt: string | null;
  releasedAt: string | null;
  items: LabItemInfo[];
}

const RESULT = 'id version value text flag comment correctionReason enteredAt';
const ORDER_HEAD = 'id status priority orderedAt specimen clinicalInfo patient { id displayName mrn } orderingProvider { displayName }';

export const LAB_WORKLIST = gql`
  query LabWorklist($statuses: [LabOrderStatus!]) {
    labWorklist(statuses: $statuses) { ${ORDER_HEAD} items { id testName result { flag } } }
  }
`;

export const LAB_ORDER = gql`
  query LabOrder($id: ID!) {
    labOrder(id: $id) {
      ${ORDER_HEAD} collectedAt receivedAt verifiedAt releasedAt
      items { id testCode testName unit referenceLow referenceHigh result { ${RESULT} } versions { ${RESULT} } }
    }
  }
`;

export const COLLECT_SAMPLE = gql`
  mutation CollectLabSample($orderId: ID!, $specimen: String!) {
    collectLabSample(orderId: $orderId, specimen: $specimen) { id status specimen collectedAt }
  }
`;

export const RECEIVE_ORDER = gql`
  mutation ReceiveLabOrder($id: ID!) { receiveLabOrder(id: $id) { id status receivedAt } }
`;

export const VERIFY_ORDER = gql`
  mutation VerifyLabOrder($id: ID!) { verifyLabOrder(id: $id) { id status verifiedAt } }
`;

export const RELEASE_ORDER = gql`
  mutation ReleaseLabOrder($id: ID!) { releaseLabOrder(id: $id) { id status releasedAt } }
`;

export const ENTER_RESULT = gql`
  mutation EnterLabResult($orderItemId: ID!, $value: Float, $text: String, $abnormal: Boolean, $comment: String, $correctionReason: String) {
    enterLabResult(orderItemId: $orderItemId, value: $value, text: $text, abnormal: $abnormal, comment: $comment, correctionReason: $correctionReason) {
      ${RESULT}
    }
  }
`;

/** The reference range of a test in words, e.g. "3.5–5.1 mmol/L". */
export function rangeText(item: Pick<LabItemInfo, 'referenceLow' | 'referenceHigh' | 'unit'>): string {
  const unit = item.unit ? ` ${item.unit}` : '';
  if (item.referenceLow !== null && item.referenceHigh !== null) return `${item.referenceLow}–${item.referenceHigh}${unit}`;
  if (item.referenceLow !== null) return `≥ ${item.referenceLow}${unit}`;
  if (item.referenceHigh !== null) return `≤ ${item.referenceHigh}${unit}`;
  return 'No reference range';
}

export const isAbnormal = (flag: string) => flag !== 'NORMAL';
