import { assertPatientAccess, type Context, isUuid, notFound } from '@clinigraph/kit';
import { type PatientRow, patientById } from './loaders.ts';

/**
 * Loads a patient the caller may see, and records the read. A patient asking for anyone else
 * gets NOT_FOUND, exactly as for an id that does not exist.
 */
export async function readPatient(ctx: Context, id: string): Promise<PatientRow> {
  assertPatientAccess(ctx, id);
  if (!isUuid(id)) throw notFound('Patient');
  const row = await patientById(ctx).load(id);
  if (!row) throw notFound('Patient');
  ctx.audit.record({ action: 'read', entityType: 'Patient', entityId: id, patientId: id });
  return row;
}

/** Formats an MRN from its sequence number with a Luhn check digit, so a mistyped MRN is caught. */
export function formatMrn(n: number): string {
  const digits = String(n).padStart(7, '0');
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return `CG${digits}${(10 - (sum % 10)) % 10}`;
}
