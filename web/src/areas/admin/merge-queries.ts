import { graphql, type ResultOf } from '../../lib/graphql.ts';

/** What an admin compares of two records before merging them. */
export const MERGE_RECORD_FIELDS = graphql(`
  fragment MergeRecordFields on Patient {
    id mrn displayName dateOfBirth sex phone email address createdAt
    registeredFacility { id name timezone }
  }
`);

export type MergeRecord = ResultOf<typeof MERGE_RECORD_FIELDS>;

export const MERGE_RECORD = graphql(
  `
  query MergeRecord($id: ID!) {
    patient(id: $id) { ...MergeRecordFields }
  }
`,
  [MERGE_RECORD_FIELDS],
);

export const MERGE_PATIENTS = graphql(`
  mutation MergePatients($keepId: ID!, $mergeId: ID!, $reason: String!) {
    mergePatients(keepId: $keepId, mergeId: $mergeId, reason: $reason) {
      survivor { id mrn displayName }
      merged { id mrn mergedAt }
      copiedFields
      account
    }
  }
`);
