import { CERTIFICATE_FIELDS } from '../../features/certificates/queries.ts';
import { graphql } from '../../lib/graphql.ts';

export const MY_CERTIFICATES = graphql(
  `
  query MyCertificates($id: ID!) {
    patient(id: $id) { id certificates { ...CertificateFields } }
  }
`,
  [CERTIFICATE_FIELDS],
);

export const REQUEST_CERTIFICATE = graphql(
  `
  mutation RequestCertificate($template: CertificateTemplate!, $validFrom: Date!, $validTo: Date!, $reason: String!) {
    requestCertificate(template: $template, validFrom: $validFrom, validTo: $validTo, reason: $reason) { ...CertificateFields }
  }
`,
  [CERTIFICATE_FIELDS],
);
