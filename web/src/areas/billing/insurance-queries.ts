import { graphql, type ResultOf } from '../../lib/graphql.ts';

/** An insurance policy as billing lists it. */
export const POLICY_FIELDS = graphql(`
  fragment PolicyFields on InsurancePolicy {
    id payer memberId groupNumber coverageBasisPoints copayMinor currency validFrom validTo active
  }
`);

export type PolicyInfo = ResultOf<typeof POLICY_FIELDS>;

export const POLICIES = graphql(
  `
  query InsurancePolicies($patientId: ID!) {
    insurancePolicies(patientId: $patientId) { ...PolicyFields }
  }
`,
  [POLICY_FIELDS],
);

export const CREATE_POLICY = graphql(
  `
  mutation CreateInsurancePolicy($input: InsurancePolicyInput!) {
    createInsurancePolicy(input: $input) { ...PolicyFields }
  }
`,
  [POLICY_FIELDS],
);
