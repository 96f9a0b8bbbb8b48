import { type DbOrTx, facilityScope, forbidden, type Identity, isUuid, notFound } from '@clinigraph/kit';
import { and, eq, exists, inArray, or, type SQL, sql } from 'drizzle-orm';
import { account, accountFacility, patientFacility } from '../db/schema.ts';

/**
 * Facility scoping of accounts. An admin confined to facilities sees and manages the staff accounts of
 * their facilities (an account with at least one of them) and the patient accounts of their facilities'
 * patients. A staff account of no facility is only a network admin's to see: no facility's admin may
 * claim it. Network-wide access (`network_admin`) is granted, changed and taken away by network admins only.
 */
export function accountScopeCondition(identity: Identity | null): SQL | undefined {
  const scope = facilityScope(identity);
  if (scope === null) return undefined;
  if (!scope.length) return sql`false`;
  return or(
    exists(sql`(select 1 from ${accountFacility} where ${accountFacility.accountId} = ${account.id} and ${inArray(accountFacility.facilityId, [...scope])})`),
    exists(
      sql`(select 1 from ${patientFacility} where ${patientFacility.patientId} = ${account.patientId} and ${inArray(patientFacility.facilityId, [...scope])})`,
    ),
  );
}

/** Whether the caller sees every facility (a network admin, a service): only they touch network-wide accounts. */
export const isNetworkWide = (identity: Identity): boolean => facilityScope(identity) === null;

/** Loads an account the caller may manage, locked for update when asked; another facility's is NOT_FOUND. */
export async function scopedAccount(db: DbOrTx, identity: Identity, id: string, { lock = false } = {}) {
  if (!isUuid(id)) throw notFound('Account');
  const query = db
    .select()
    .from(account)
    .where(and(eq(account.id, id), accountScopeCondition(identity)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Account');
  return row;
}

/** Whether the account is one the caller may manage. */
export async function accountInScope(db: DbOrTx, identity: Identity, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const [row] = await db
    .select({ id: account.id })
    .from(account)
    .where(and(eq(account.id, id), accountScopeCondition(identity)));
  return !!row;
}

/** Refuses a confined admin's change to an account that holds network-wide access. */
export function assertMayChange(identity: Identity, row: { roles: string[] }): void {
  if (row.roles.includes('network_admin') && !isNetworkWide(identity)) throw forbidden("Only a network admin may change a network admin's account");
}

/** The facilities of an account that lie outside the caller's facilities: a confined admin's change of the list keeps them. */
export async function facilitiesOutsideScope(db: DbOrTx, identity: Identity, accountId: string): Promise<string[]> {
  const scope = facilityScope(identity);
  if (scope === null) return [];
  const rows = await db.select({ id: accountFacility.facilityId }).from(accountFacility).where(eq(accountFacility.accountId, accountId));
  return rows.map((r) => r.id).filter((f) => !scope.includes(f));
}
