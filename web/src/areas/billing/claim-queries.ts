import { graphql, type ResultOf } from '../../lib/graphql.ts';

/** A claim with its lines, as the claims work list shows it. */
export const CLAIM_FIELDS = graphql(`
  fragment ClaimFields on Claim {
    id number status payer currency claimedMinor approvedMinor paidMinor denialReason
    patient { displayName } invoice { id number lines { id description } }
    lines { id invoiceLineId claimedMinor approvedMinor }
  }
`);

export type ClaimInfo = ResultOf<typeof CLAIM_FIELDS>;
export type ClaimLineInfo = ClaimInfo['lines'][number];

export const CLAIMS = graphql(
  `
  query Claims {
    claims { ...ClaimFields }
  }
`,
  [CLAIM_FIELDS],
);

export const SUBMIT_CLAIMS = graphql(`
  mutation SubmitClaims($claimIds: [ID!]!) {
    submitClaims(claimIds: $claimIds) { id number fileName csv claimCount }
  }
`);

export const ADJUDICATE_CLAIM = graphql(
  `
  mutation AdjudicateClaim($input: ClaimAdjudicationInput!) {
    adjudicateClaim(input: $input) { ...ClaimFields }
  }
`,
  [CLAIM_FIELDS],
);

export const RECORD_CLAIM_PAYMENT = graphql(`
  mutation RecordClaimPayment($claimId: ID!, $amountMinor: Int!, $reference: String!) {
    recordClaimPayment(claimId: $claimId, amountMinor: $amountMinor, reference: $reference) { id number appliedMinor }
  }
`);

export const CREATE_CLAIM = graphql(`
  mutation CreateClaim($invoiceId: ID!, $policyId: ID!, $invoiceLineIds: [ID!]) {
    createClaim(invoiceId: $invoiceId, policyId: $policyId, invoiceLineIds: $invoiceLineIds) { id number status claimedMinor }
  }
`);
