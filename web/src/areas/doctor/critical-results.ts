import { graphql, type ResultOf } from '../../lib/graphql.ts';

/** A critical result as the doctor's alert shows it. */
export const CRITICAL_RESULT_FIELDS = graphql(`
  fragment CriticalResultFields on CriticalLabResult {
    id testName value unit flag enteredAt verifiedAt acknowledgedAt
    patient { id displayName }
  }
`);

export type CriticalResult = ResultOf<typeof CRITICAL_RESULT_FIELDS>;

/** What is still waiting for the signed-in doctor, so a reload shows it again. */
export const UNACKNOWLEDGED_CRITICAL_RESULTS = graphql(
  `
  query UnacknowledgedCriticalResults {
    unacknowledgedCriticalResults { ...CriticalResultFields }
  }
`,
  [CRITICAL_RESULT_FIELDS],
);

/** Critical values of the doctor's own orders, as the lab verifies them. */
export const CRITICAL_LAB_RESULTS = graphql(
  `
  subscription CriticalLabResults($after: String) {
    criticalLabResults(after: $after) { cursor result { ...CriticalResultFields } }
  }
`,
  [CRITICAL_RESULT_FIELDS],
);

export const ACKNOWLEDGE_CRITICAL_RESULT = graphql(
  `
  mutation AcknowledgeCriticalResult($resultId: ID!) {
    acknowledgeCriticalResult(resultId: $resultId) { ...CriticalResultFields }
  }
`,
  [CRITICAL_RESULT_FIELDS],
);

/** Oldest first: the one waiting longest leads. */
export const byRaised = (a: CriticalResult, b: CriticalResult) => (a.verifiedAt ?? a.enteredAt).localeCompare(b.verifiedAt ?? b.enteredAt);
