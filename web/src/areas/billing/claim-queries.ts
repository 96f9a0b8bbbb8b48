import { gql } from '@urql/solid';

export interface ClaimLineInfo {
  id: string;
  invoiceLineId: string;
  claimedMinor: number;
  approvedMinor: number | null;
}

export interface ClaimInfo {
  id: string;
  number: string;
  status: string;
  payer: string;
  currency: string;
  claimedMinor: number;
  approvedMinor: number | null;
  paidMinor: number;
  denialReason: string | null;
  patient: { displayName: string };
  invoice: { id: string; number: string; lines: { id: string; description: string }[] };
  lines: ClaimLineInfo[];
}

const CLAIM = `id number status payer currency claimedMinor approvedMinor paidMinor denialReason
  patient { displayName } invoice { id number lines { id description } }
  lines { id invoiceLineId claimedMinor approvedMinor }`;

export const CLAIMS = gql`
  query Claims {
    claims { ${CLAIM} }
  }
`;

export const SUBMIT_CLAIMS = gql`
  mutation SubmitClaims($claimIds: [ID!]!) {
    submitClaims(claimIds: $claimIds) { id number fileName csv claimCount }
  }
`;

export const ADJUDICATE_CLAIM = gql`
  mutation AdjudicateClaim($input: ClaimAdjudicationInput!) {
    adjudicateClaim(input: $input) { ${CLAIM} }
  }
`;

export const RECORD_CLAIM_PAYMENT = gql`
  mutation RecordClaimPayment($claimId: ID!, $amountMinor: Int!, $reference: String!) {
    recordClaimPayment(claimId: $claimId, amountMinor: $amountMinor, reference: $reference) { id number appliedMinor }
  }
`;

export const CREATE_CLAIM = gql`
  mutation CreateClaim($invoiceId: ID!, $policyId: ID!, $invoiceLineIds: [ID!]) {
    createClaim(invoiceId: $invoiceId, policyId: $policyId, invoiceLineIds: $invoiceLineIds) { id number status claimedMinor }
  }
`;
