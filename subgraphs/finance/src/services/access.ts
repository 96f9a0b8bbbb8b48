import { type Context, can, forbidden, isUuid, notFound, requireIdentity } from '@clinigraph/kit';

/**
 * Whose finance data the caller may read: everyone's (`finance.read`: billing, admin) or one patient's
 * own (`own.read`: a patient account). Other staff have no business with money and are refused.
 */
export type FinanceScope = { all: true } | { all: false; patientId: string };

export function financeScope(ctx: Context): FinanceScope {
  const identity = requireIdentity(ctx);
  if (can(identity, 'finance.read')) return { all: true };
  if (can(identity, 'own.read') && identity.patientId) return { all: false, patientId: identity.patientId };
  throw forbidden();
}

/** The patient a list is about: a patient is confined to themselves and asking for anyone else finds nothing. */
export function scopedPatient(ctx: Context, requested: string | null | undefined, what: string): string | null {
  const scope = financeScope(ctx);
  if (scope.all) return requested ?? null;
  if (requested && requested !== scope.patientId) throw notFound(what);
  return scope.patientId;
}

/** Throws NOT_FOUND, as for a missing record, unless the caller may see this patient's money. */
export function assertCanSee(ctx: Context, patientId: string, what: string): void {
  const scope = financeScope(ctx);
  if (!scope.all && scope.patientId !== patientId) throw notFound(what);
}

export const validId = (id: string, what: string): string => {
  if (!isUuid(id)) throw notFound(what);
  return id;
};
