import { graphql, type ResultOf } from '../../lib/graphql.ts';

/** A provider as the providers page shows and edits them. */
export const PROVIDER_FIELDS = graphql(`
  fragment ProviderRow on Provider {
    id givenName familyName title displayName specialty qualifications licenseNumber consultationFeeMinor currency
    departments { id name }
    facilities { id name }
  }
`);

export type ProviderRow = ResultOf<typeof PROVIDER_FIELDS>;

export const ADMIN_PROVIDERS = graphql(
  `
  query AdminProviders {
    providers { ...ProviderRow }
  }
`,
  [PROVIDER_FIELDS],
);

export const CREATE_PROVIDER = graphql(
  `
  mutation CreateProvider($input: CreateProviderInput!) {
    createProvider(input: $input) { ...ProviderRow }
  }
`,
  [PROVIDER_FIELDS],
);

export const UPDATE_PROVIDER = graphql(
  `
  mutation UpdateProvider($id: ID!, $input: UpdateProviderInput!) {
    updateProvider(id: $id, input: $input) { ...ProviderRow }
  }
`,
  [PROVIDER_FIELDS],
);

/** The specialty finance prices a provider's consultations by (price-list entries per specialty). */
export const SET_BILLING_SPECIALTY = graphql(`
  mutation SetProviderBillingSpecialty($providerId: ID!, $specialty: String!) {
    setProviderBillingSpecialty(providerId: $providerId, specialty: $specialty) { specialty }
  }
`);
