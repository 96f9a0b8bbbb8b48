import { CERTIFICATE_FIELDS } from '../../features/certificates/queries.ts';
import { graphql } from '../../lib/graphql.ts';

export const PENDING_CERTIFICATES = graphql(
  `
  query PendingCertificateRequests {
    pendingCertificateRequests { ...CertificateFields patient { id displayName mrn dateOfBirth } }
  }
`,
  [CERTIFICATE_FIELDS],
);

export const DECIDE_CERTIFICATE = graphql(
  `
  mutation DecideCertificate($id: ID!, $approve: Boolean!, $remarks: String, $declineReason: String) {
    decideCertificate(id: $id, approve: $approve, remarks: $remarks, declineReason: $declineReason) { ...CertificateFields }
  }
`,
  [CERTIFICATE_FIELDS],
);

export const ISSUE_CERTIFICATE = graphql(
  `
  mutation IssueCertificate($patientId: ID!, $encounterId: ID, $template: CertificateTemplate!, $validFrom: Date!, $validTo: Date!, $remarks: String) {
    issueCertificate(patientId: $patientId, encounterId: $encounterId, template: $template, validFrom: $validFrom, validTo: $validTo, remarks: $remarks) {
      ...CertificateFields
    }
  }
`,
  [CERTIFICATE_FIELDS],
);

export const PATIENT_CERTIFICATES = graphql(
  `
  query PatientCertificates($id: ID!) {
    patient(id: $id) { id certificates { ...CertificateFields } }
  }
`,
  [CERTIFICATE_FIELDS],
);
