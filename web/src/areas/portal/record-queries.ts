import { graphql } from '../../lib/graphql.ts';

/** The patient's whole record as one PDF, rendered by care and fetched only when asked for. */
export const MY_RECORD_PDF = graphql(`
  query MyRecordPdf($patientId: ID!) {
    patientRecordPdf(patientId: $patientId) { filename contentType contentBase64 }
  }
`);
