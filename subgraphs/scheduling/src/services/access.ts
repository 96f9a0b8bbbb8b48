import { type Context, forbidden, type Identity, isStaff, notFound, requireIdentity, requireRole } from '@clinigraph/kit';

/** Staff who book, move and cancel appointments for any patient (admins always may). */
export const requireBookingStaff = (ctx: Context): Identity => requireRole(ctx, 'receptionist', 'doctor', 'nurse');

/** Staff who maintain schedules, appointment types and exceptions. */
export const requireScheduler = (ctx: Context): Identity => requireRole(ctx, 'receptionist');

/** Clinicians who start and complete visits. */
export const requireClinician = (ctx: Context): Identity => requireRole(ctx, 'doctor', 'nurse');

/**
 * Who the appointment is for. Staff name the patient; a patient books only for themselves, and
 * naming anyone else is refused. The patient's id always comes from the token.
 */
export function bookingPatient(ctx: Context, requested: string | null | undefined): { identity: Identity; patientId: string; staff: boolean } {
  const identity = requireIdentity(ctx);
  if (isStaff(identity)) {
    requireBookingStaff(ctx);
    if (!requested) throw forbidden('Staff must name the patient');
    return { identity, patientId: requested, staff: true };
  }
  if (!identity.patientId) throw forbidden();
  if (requested && requested !== identity.patientId) throw forbidden('Patients can only book for themselves');
  return { identity, patientId: identity.patientId, staff: false };
}

/** A patient may act only on their own records; anything else looks missing. */
export function assertOwnOrStaff(ctx: Context, patientId: string, what: string): { identity: Identity; staff: boolean } {
  const identity = requireIdentity(ctx);
  if (isStaff(identity)) return { identity, staff: true };
  if (identity.patientId !== patientId) throw notFound(what);
  return { identity, staff: false };
}
