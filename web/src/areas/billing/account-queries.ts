import { graphql, type ResultOf } from '../../lib/graphql.ts';

/**
 * The credit list holds no typename a refund or a payment returns (and none at all when empty), so its
 * queries name them: any refund or payment refetches it.
 */
export const CREDIT_CHANGES = { additionalTypenames: ['Refund', 'Payment', 'PatientCredit'] };

/** Lists of charges may be empty: any mutation returning a Charge (or an Invoice taking charges) refetches them. */
export const CHARGE_CHANGES = { additionalTypenames: ['Charge', 'Invoice'] };

export const PATIENT_CREDIT = graphql(`
  query PatientCredit($patientId: ID!) {
    patientCredit(patientId: $patientId) { currency balanceMinor }
  }
`);

export const REFUND_CREDIT = graphql(`
  mutation RefundPatientCredit($input: RefundInput!) {
    refundPatientCredit(input: $input) { id number amountMinor currency }
  }
`);

export const APPLY_CREDIT = graphql(`
  mutation ApplyPatientCredit($invoiceId: ID!, $amountMinor: Int) {
    applyPatientCredit(invoiceId: $invoiceId, amountMinor: $amountMinor) { id number appliedMinor invoice { id status balanceMinor paidMinor } }
  }
`);

export const CHARGE_FIELDS = graphql(`
  fragment ChargeRow on Charge @_unmask {
    id status serviceType code description quantity unitPriceMinor currency serviceDate unpriced voidReason invoiceId
  }
`);

export type ChargeInfo = ResultOf<typeof CHARGE_FIELDS>;

export const PATIENT_CHARGES = graphql(
  `
  query PatientCharges($patientId: ID!, $status: ChargeStatus) {
    charges(patientId: $patientId, status: $status, first: 100) { nodes { ...ChargeRow } }
  }
`,
  [CHARGE_FIELDS],
);

export const CREATE_CHARGE = graphql(
  `
  mutation CreateCharge($input: ChargeInput!) {
    createCharge(input: $input) { ...ChargeRow }
  }
`,
  [CHARGE_FIELDS],
);

export const VOID_CHARGE = graphql(
  `
  mutation VoidCharge($id: ID!, $reason: String!) {
    voidCharge(id: $id, reason: $reason) { ...ChargeRow }
  }
`,
  [CHARGE_FIELDS],
);

export const EFFECTIVE_PRICE = graphql(`
  query EffectivePrice($facilityId: ID!, $serviceType: ServiceType!, $on: Date!, $code: String) {
    effectivePrice(facilityId: $facilityId, serviceType: $serviceType, on: $on, code: $code) { id code description amountMinor currency taxRateBasisPoints }
  }
`);

export const INSURANCE_DETAILS = graphql(`
  query PatientInsuranceDetails($patientId: ID!) {
    patient(id: $patientId) { id insurance { id payer memberId groupNumber validUntil } }
  }
`);

export const ADD_INSURANCE_DETAIL = graphql(`
  mutation AddInsuranceDetail($patientId: ID!, $input: InsuranceDetailInput!) {
    addInsuranceDetail(patientId: $patientId, input: $input) { id insurance { id payer memberId groupNumber validUntil } }
  }
`);

export const REMOVE_INSURANCE_DETAIL = graphql(`
  mutation RemoveInsuranceDetail($id: ID!) {
    removeInsuranceDetail(id: $id) { id insurance { id payer memberId groupNumber validUntil } }
  }
`);

export const DEACTIVATE_POLICY = graphql(`
  mutation DeactivateInsurancePolicy($id: ID!) {
    deactivateInsurancePolicy(id: $id) { id active validTo }
  }
`);
