import { graphql } from '../../lib/graphql.ts';

/** A patient's statements, one per currency; a patient omits `patientId` and gets their own. */
export const PATIENT_STATEMENT = graphql(`
  query PatientStatement($patientId: ID) {
    patientStatement(patientId: $patientId) {
      currency openingBalanceMinor closingBalanceMinor outstandingMinor creditMinor insurancePendingMinor
      entries { at kind reference description amountMinor balanceMinor }
    }
  }
`);

/** Asked only when the person downloads it. */
export const STATEMENT_PDF = graphql(`
  query StatementPdf($patientId: ID, $currency: String) {
    patientStatement(patientId: $patientId, currency: $currency) { currency pdfBase64 }
  }
`);
