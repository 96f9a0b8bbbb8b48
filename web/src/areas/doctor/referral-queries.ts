import { graphql, type ResultOf } from '../../lib/graphql.ts';

export const REFERRAL_FIELDS = graphql(`
  fragment ReferralFields on Referral @_unmask {
    id status reason urgency toSpecialty createdAt updatedAt
    toProvider { id displayName specialty }
    fromProvider { id displayName }
  }
`);

export type ReferralInfo = ResultOf<typeof REFERRAL_FIELDS>;

export const ENCOUNTER_REFERRALS = graphql(
  `
  query EncounterReferrals($id: ID!) {
    encounter(id: $id) { id referrals { ...ReferralFields } }
  }
`,
  [REFERRAL_FIELDS],
);

export const REFERRAL_PROVIDERS = graphql(`
  query ReferralProviders {
    providers { id displayName specialty }
  }
`);

export const CREATE_REFERRAL = graphql(
  `
  mutation CreateReferral($encounterId: ID!, $toProviderId: ID, $toSpecialty: String, $reason: String!, $urgency: ReferralUrgency) {
    createReferral(encounterId: $encounterId, toProviderId: $toProviderId, toSpecialty: $toSpecialty, reason: $reason, urgency: $urgency) {
      ...ReferralFields
    }
  }
`,
  [REFERRAL_FIELDS],
);

export const SET_REFERRAL_STATUS = graphql(
  `
  mutation SetReferralStatus($id: ID!, $status: ReferralStatusChange!) {
    setReferralStatus(id: $id, status: $status) { ...ReferralFields }
  }
`,
  [REFERRAL_FIELDS],
);

export const REFERRAL_LETTER = graphql(`
  query ReferralLetter($id: ID!) {
    referral(id: $id) { id letter { filename contentType contentBase64 } }
  }
`);
