import { graphql, type ResultOf } from '../../lib/graphql.ts';

/** A document as lists show it (the file itself is fetched only on download). */
export const DOCUMENT_FIELDS = graphql(`
  fragment DocumentFields on Document @_unmask {
    id kind title filename contentType sizeBytes uploadedAt
  }
`);

export type DocumentInfo = ResultOf<typeof DOCUMENT_FIELDS>;

export const PATIENT_DOCUMENTS = graphql(
  `
  query PatientDocuments($id: ID!) {
    patient(id: $id) { id documents { ...DocumentFields } }
  }
`,
  [DOCUMENT_FIELDS],
);

export const DOCUMENT_CONTENT = graphql(`
  query DocumentContent($id: ID!) {
    document(id: $id) { id content { filename contentType contentBase64 } }
  }
`);
