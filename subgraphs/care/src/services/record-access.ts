import { type Context, canReadPatientRecord, type Identity, isOwnRecordOnly, isUuid, notFound, requireCapability, requireIdentity } from '@clinigraph/kit';

/**
 * Who may take a patient's whole record away: the patient themselves (`own.read`), or staff who read
 * clinical records (`clinical.read`). Another patient's record, or one that does not exist, is NOT_FOUND;
 * staff without the capability are FORBIDDEN (MFA_REQUIRED when their role needs a second factor).
 */
export function assertWholeRecordRead(ctx: Context, patientId: string): Identity {
  const identity = requireIdentity(ctx);
  if (!isUuid(patientId)) throw notFound('Patient');
  if (!isOwnRecordOnly(identity)) return requireCapability(ctx, 'clinical.read');
  if (!canReadPatientRecord(identity, 'clinical.read', patientId)) throw notFound('Patient');
  return identity;
}
