import { gql } from '@urql/solid';

export interface PolicyInfo {
  id: string;
  payer: string;
  memberId: string;
  groupNumber: string | null;
  coverageBasisPoints: number | null;
  copayMinor: number | null;
  currency: string;
  validFrom: string;
  validTo: string | null;
  active: boolean;
}

const POLICY = 'id payer memberId groupNumber coverageBasisPoints copayMinor currency validFrom validTo active';

export const POLICIES = gql`
  query InsurancePolicies($patientId: ID!) {
    insurancePolicies(patientId: $patientId) { ${POLICY} }
  }
`;

export const CREATE_POLICY = gql`
  mutation CreateInsurancePolicy($input: InsurancePolicyInput!) {
    createInsurancePolicy(input: $input) { ${POLICY} }
  }
`;
