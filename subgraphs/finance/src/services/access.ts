import { badInput, type Context, can, type DbOrTx, facilityScope, forbidden, isUuid, notFound, requireIdentity } from '@clinigraph/kit';
import { type AnyColumn, and, eq, inArray, or, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { charge, insurancePolicy, payment } from '../db/schema.ts';

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

/**
 * Facility scoping of finance (issue 14). Staff see and change only the money of the facilities they
 * belong to; another facility's record is NOT_FOUND, exactly as a missing one. Network admins, services
 * and patients (confined to their own record instead) are unconfined.
 *
 * Where a record's facility comes from:
 * - charges carry the facility of the event (visit, dispense, lab order) or the one billing staff named;
 * - invoices carry their charges' facility: one invoice bills one facility (migration 0011 gave every
 *   older invoice its charges' facility, and a CHECK refuses a new invoice without one);
 * - invoice lines, credit notes, claims and payments against an invoice follow the invoice; a claim
 *   submission is seen only by whoever may see every claim in it;
 * - deposits, refunds and insurance policies are recorded at the desk's facility (`deskFacility`);
 * - price list entries and billing settings are per facility; a provider's billing specialty is the
 *   provider's everywhere.
 * A finance record with no facility at all (an event that named none, an older deposit or refund) is the
 * network's: only network-wide staff see it, since no facility's desk can tell whose it is.
 *
 * Patient-level money (credit, insurance policies, statements) is the patient's at every facility; staff
 * see it for a patient their facility bills (a charge or a payment there, `patientBilledHere`), and
 * insurance policies recorded at their desk. Statements list only the movements of the caller's facilities.
 */
export const facilitiesOf = (ctx: Context): readonly string[] | null => facilityScope(ctx.identity);

/** The caller's facilities as a SQL condition on a record's facility; undefined (no condition) for unconfined callers. */
export function inScope(scope: readonly string[] | null, facility: AnyColumn | SQLWrapper): SQL | undefined {
  if (scope === null) return undefined;
  return scope.length ? inArray(facility as AnyColumn, [...scope]) : sql`false`;
}

/** NOT_FOUND, as for a missing record, unless the record's facility is one of the caller's. */
export function assertInScope(ctx: Context, facilityId: string | null, what: string): void {
  const scope = facilitiesOf(ctx);
  if (scope !== null && (!facilityId || !scope.includes(facilityId))) throw notFound(what);
}

/** A facility the caller names to price, bill or take money at: NOT_FOUND for one they do not belong to. */
export const assertOwnFacility = (ctx: Context, facilityId: string): string => {
  assertInScope(ctx, validId(facilityId, 'Facility'), 'Facility');
  return facilityId;
};

/**
 * Where a record not tied to an invoice (a deposit, a refund, an insurance policy) is recorded: the
 * facility named (one of the caller's), else the caller's only facility. Someone who works at several
 * must name it; network-wide staff who name none record it for the whole network.
 */
export function deskFacility(ctx: Context, requested: string | null | undefined): string | null {
  if (requested) return assertOwnFacility(ctx, requested);
  const own = ctx.identity?.facilityIds ?? null;
  if (own?.length === 1) return own[0]!;
  if (facilitiesOf(ctx) === null) return null;
  throw badInput('You work at several facilities: name the facility', [{ path: 'facilityId', message: 'required' }]);
}

/** SQL: the patient has a charge or a payment at one of these facilities, i.e. the facility bills them. */
export function billedAt(scope: readonly string[], patientId: AnyColumn | SQLWrapper | string): SQL {
  const facilities = [...scope];
  return sql`(exists (select 1 from ${charge} where ${charge.patientId} = ${patientId} and ${inArray(charge.facilityId, facilities)})
    or exists (select 1 from ${payment} where ${payment.patientId} = ${patientId} and ${inArray(payment.facilityId, facilities)}))`;
}

/** A patient's patient-level money as a condition: undefined for unconfined callers, else the patient is billed here. */
export function patientBilledHere(scope: readonly string[] | null, patientId: AnyColumn | SQLWrapper | string): SQL | undefined {
  if (scope === null) return undefined;
  return scope.length ? billedAt(scope, patientId) : sql`false`;
}

/** An insurance policy is seen where it was recorded and wherever the patient is billed. */
export function policyInScope(scope: readonly string[] | null): SQL | undefined {
  if (scope === null) return undefined;
  if (!scope.length) return sql`false`;
  return or(inArray(insurancePolicy.facilityId, [...scope]), billedAt(scope, insurancePolicy.patientId)) as SQL;
}

/** NOT_FOUND for a patient whose money the caller may not see: another patient's for a patient, one no facility of theirs bills for staff. */
export async function assertPatientMoney(ctx: Context, db: DbOrTx, patientId: string): Promise<void> {
  assertCanSee(ctx, validId(patientId, 'Patient'), 'Patient');
  const scope = facilitiesOf(ctx);
  if (scope === null) return;
  if (!scope.length) throw notFound('Patient');
  const facilities = [...scope];
  const billed = await db
    .select({ one: sql<number>`1` })
    .from(charge)
    .where(and(eq(charge.patientId, patientId), inArray(charge.facilityId, facilities)))
    .unionAll(
      db
        .select({ one: sql<number>`1` })
        .from(payment)
        .where(and(eq(payment.patientId, patientId), inArray(payment.facilityId, facilities))),
    )
    .limit(1);
  if (billed.length === 0) throw notFound('Patient');
}
