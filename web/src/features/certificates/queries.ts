import { graphql, type ResultOf } from '../../lib/graphql.ts';
import type { Present } from '../../lib/unavailable.ts';

/** A certificate as lists show it, to the doctor and to the patient. */
export const CERTIFICATE_FIELDS = graphql(`
  fragment CertificateFields on Certificate @_unmask {
    id template title status validFrom validTo patientReason remarks declineReason requestedAt decidedAt
    doctor { id displayName }
  }
`);

export type CertificateInfo = ResultOf<typeof CERTIFICATE_FIELDS>;

export const CERTIFICATE_TEMPLATES = graphql(`
  query CertificateTemplates {
    certificateTemplates { template title }
  }
`);

export type CertificateTemplate = Present<ResultOf<typeof CERTIFICATE_TEMPLATES>>['certificateTemplates'][number]['template'];

/** The printable certificate, fetched only when someone asks for it (approved certificates only). */
export const CERTIFICATE_PDF = graphql(`
  query CertificatePdf($id: ID!) {
    certificate(id: $id) { id pdf { filename contentType contentBase64 } }
  }
`);
