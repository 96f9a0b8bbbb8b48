import { type Context, can, canReadPatientRecord, forbidden, type Identity, notFound, requireCapability, requireIdentity } from '@clinigraph/kit';

/**
 * Who the appointment is for. Staff (`appointment.read`) name the patient and need
 * `appointment.book-for-others`; a patient (`own.book`) books only for themselves, and naming anyone
 * else is refused. The patient's id always comes from the token.
 */
export function bookingPatient(ctx: Context, requested: string | null | undefined): { identity: Identity; patientId: string; staff: boolean } {
  const identity = requireIdentity(ctx);
  if (can(identity, 'appointment.read')) {
    requireCapability(ctx, 'appointment.book-for-others');
    if (!requested) throw forbidden('Staff must name the patient');
    return { identity, patientId: requested, staff: true };
  }
  if (!identity.patientId || !can(identity, 'own.book')) throw forbidden();
  if (requested && requested !== identity.patientId) throw forbidden('Patients can only book for themselves');
  return { identity, patientId: identity.patientId, staff: false };
}

/** A patient may act only on their own records; anything else looks missing. */
export function assertOwnOrStaff(ctx: Context, patientId: string, what: string): { identity: Identity; staff: boolean } {
  const identity = requireIdentity(ctx);
  if (can(identity, 'appointment.read')) return { identity, staff: true };
  if (!canReadPatientRecord(identity, 'appointment.read', patientId)) throw notFound(what);
  return { identity, staff: false };
}
