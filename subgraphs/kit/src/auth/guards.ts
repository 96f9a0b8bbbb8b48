import { AppError, ErrorCode, forbidden, notFound, unauthenticated } from '../errors.ts';
import type { Capability } from './capabilities.ts';
import type { Identity } from './identity.ts';
import { can, granting, mfaSatisfied } from './policy.ts';

export const mfaRequired = () =>
  new AppError(ErrorCode.MFA_REQUIRED, 'Your role needs two-step sign-in: set it up under Security, then sign in again with a code', {
    enrol: 'startMfaEnrolment',
  });

interface HasIdentity {
  identity: Identity | null;
}

export function requireIdentity(ctx: HasIdentity): Identity {
  if (!ctx.identity) throw unauthenticated();
  return ctx.identity;
}

/**
 * The caller must hold this capability of the access policy (`policy.ts`): UNAUTHENTICATED without a token,
 * MFA_REQUIRED when their roles grant it but need a second factor this session did not use, FORBIDDEN otherwise.
 */
export function requireCapability(ctx: HasIdentity, capability: Capability, message?: string): Identity {
  const identity = requireIdentity(ctx);
  if (!mfaSatisfied(identity) && granting(identity, capability)) throw mfaRequired();
  if (!can(identity, capability)) throw forbidden(message);
  return identity;
}

/** Whether this caller is confined to one patient record, their own (`own.read`), rather than reading any patient's (`patient.read`). */
export const isOwnRecordOnly = (identity: Identity | null): boolean => !can(identity, 'patient.read') && can(identity, 'own.read');

/**
 * Who may see this patient's data: whoever may read any patient (`patient.read`), and the patient
 * themselves (`own.read`). Anyone else is told the record does not exist, exactly as for a missing one,
 * so ids cannot be probed.
 */
export const canSeePatient = (identity: Identity | null, patientId: string): boolean => canReadPatientRecord(identity, 'patient.read', patientId);

/** Whether the caller may read a record of this patient: with `capability` for any patient's, or as the patient themselves (`own.read`). */
export function canReadPatientRecord(identity: Identity | null, capability: Capability, patientId: string | null): boolean {
  if (can(identity, capability)) return true;
  return !!identity?.patientId && identity.patientId === patientId && can(identity, 'own.read');
}

export function assertPatientAccess(ctx: HasIdentity, patientId: string, what = 'Patient'): Identity {
  const identity = requireIdentity(ctx);
  if (!canSeePatient(identity, patientId)) throw notFound(what);
  return identity;
}

/** For list queries: the patient id a patient caller is confined to, or null for who may read any patient. */
export function patientConfinement(ctx: HasIdentity): string | null {
  const identity = requireIdentity(ctx);
  if (can(identity, 'patient.read')) return null;
  if (!identity.patientId || !can(identity, 'own.read')) throw forbidden();
  return identity.patientId;
}
