import { forbidden, notFound, unauthenticated } from '../errors.ts';
import { type Identity, isStaff, type Role } from './identity.ts';

interface HasIdentity {
  identity: Identity | null;
}

export function requireIdentity(ctx: HasIdentity): Identity {
  if (!ctx.identity) throw unauthenticated();
  return ctx.identity;
}

/** The caller must hold one of these roles (admins always may). */
export function requireRole(ctx: HasIdentity, ...roles: Role[]): Identity {
  const identity = requireIdentity(ctx);
  if (!identity.roles.some((r) => r === 'admin' || roles.includes(r))) throw forbidden();
  return identity;
}

export function requireStaff(ctx: HasIdentity): Identity {
  const identity = requireIdentity(ctx);
  if (!isStaff(identity)) throw forbidden();
  return identity;
}

/**
 * Who may see this patient's data: staff, and the patient themselves. Anyone else is told the
 * record does not exist, exactly as for a missing one, so ids cannot be probed.
 */
export function canSeePatient(identity: Identity | null, patientId: string): boolean {
  if (!identity) return false;
  if (isStaff(identity)) return true;
  return identity.patientId === patientId;
}

export function assertPatientAccess(ctx: HasIdentity, patientId: string, what = 'Patient'): Identity {
  const identity = requireIdentity(ctx);
  if (!canSeePatient(identity, patientId)) throw notFound(what);
  return identity;
}

/** For list queries: the patient id a patient caller is confined to, or null for staff. */
export function patientConfinement(ctx: HasIdentity): string | null {
  const identity = requireIdentity(ctx);
  if (isStaff(identity)) return null;
  if (!identity.patientId) throw forbidden();
  return identity.patientId;
}
