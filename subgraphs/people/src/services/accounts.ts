import {
  badInput,
  type Context,
  can,
  conflict,
  type DbOrTx,
  decodeCursor,
  type FieldIssue,
  forbidden,
  type Identity,
  inFacilityScope,
  invalidState,
  isUuid,
  notFound,
  type Page,
  pageSize,
  parseInput,
  pgErrorInfo,
  type Role,
  Roles,
  requireCapability,
  SqlState,
  toPage,
} from '@clinigraph/kit';
import { and, arrayContains, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { hashPassword } from '../auth/password.ts';
import { account, accountFacility, facility, patient, provider } from '../db/schema.ts';
import { accountScopeCondition, assertMayChange, facilitiesOutsideScope, isNetworkWide, scopedAccount } from './account-scope.ts';
import { email, name, uuid, uuidList } from './inputs.ts';
import type { AccountRow } from './loaders.ts';
import { patientScopeCondition } from './patient-scope.ts';
import { providerScopeCondition } from './provider-scope.ts';
import { passwordSchema } from './registration.ts';
import { revokeAllSessions } from './sessions.ts';

const roleList = z
  .array(z.enum(Roles))
  .min(1, 'needs at least one role')
  .transform((roles) => [...new Set(roles)]);

/** A patient account is only a patient (linked to its record); a staff account is never a patient. */
function roleShapeIssues(roles: Role[], patientId: string | null | undefined, providerId: string | null | undefined): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (roles.includes('patient')) {
    if (roles.length > 1) issues.push({ path: 'roles', message: 'a patient account cannot hold staff roles' });
    if (!patientId) issues.push({ path: 'patientId', message: 'a patient account must name its patient record' });
    if (providerId) issues.push({ path: 'providerId', message: 'a patient account cannot be a provider' });
  } else if (patientId) {
    issues.push({ path: 'roles', message: 'an account linked to a patient record can only be a patient account' });
  }
  return issues;
}

const createAccountSchema = z
  .object({
    email,
    password: passwordSchema,
    displayName: name,
    roles: roleList,
    facilityIds: uuidList.nullish().transform((ids) => [...new Set(ids ?? [])]),
    providerId: uuid.nullish(),
    patientId: uuid.nullish(),
  })
  .superRefine((v, ctx) => {
    for (const issue of roleShapeIssues(v.roles, v.patientId, v.providerId)) ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
  });

const updateAccountSchema = z.object({
  displayName: name.optional(),
  roles: roleList.optional(),
  facilityIds: uuidList.transform((ids) => [...new Set(ids)]).optional(),
  providerId: uuid.nullish(),
});

function uniqueViolation(err: unknown): never {
  const info = pgErrorInfo(err);
  if (info?.code === SqlState.UNIQUE_VIOLATION) {
    if (info.constraint === 'account_email_uq') throw conflict('An account with this e-mail already exists');
    if (info.constraint === 'account_provider_uq') throw conflict('That provider profile already has an account');
    if (info.constraint === 'account_patient_uq') throw conflict('That patient already has an account');
  }
  throw err;
}

async function assertAllExist(tx: DbOrTx, table: typeof facility | typeof provider | typeof patient, ids: string[], path: string, what: string) {
  if (ids.length === 0) return;
  const found = await tx.select({ id: table.id }).from(table).where(inArray(table.id, ids));
  if (found.length !== ids.length) throw badInput(`${path}: no such ${what}`, [{ path, message: `no such ${what}` }]);
}

async function setFacilities(tx: DbOrTx, accountId: string, facilityIds: string[]) {
  await tx.delete(accountFacility).where(eq(accountFacility.accountId, accountId));
  if (facilityIds.length) await tx.insert(accountFacility).values(facilityIds.map((facilityId) => ({ accountId, facilityId })));
}

/**
 * What a confined admin may give: only facilities of their own (another is NOT_FOUND, as a missing one),
 * and never network-wide access (only a network admin grants `network_admin`).
 */
function assertMayGrant(admin: Identity, roles: readonly Role[] | undefined, facilityIds: readonly string[] | undefined): void {
  if (roles?.includes('network_admin') && !isNetworkWide(admin)) throw forbidden('Only a network admin may grant network-wide access');
  for (const id of facilityIds ?? []) if (!inFacilityScope(admin, id)) throw notFound('Facility');
}

/** A provider profile or patient record a confined admin links to an account must be theirs to see. */
async function assertLinkable(tx: DbOrTx, admin: Identity, providerId: string | null | undefined, patientId: string | null | undefined): Promise<void> {
  if (providerId) {
    await assertAllExist(tx, provider, [providerId], 'providerId', 'provider');
    const [visible] = await tx
      .select({ id: provider.id })
      .from(provider)
      .where(and(eq(provider.id, providerId), providerScopeCondition(admin)));
    if (!visible) throw notFound('Provider');
  }
  if (patientId) {
    await assertAllExist(tx, patient, [patientId], 'patientId', 'patient');
    const [visible] = await tx
      .select({ id: patient.id })
      .from(patient)
      .where(and(eq(patient.id, patientId), patientScopeCondition(admin)));
    if (!visible) throw notFound('Patient');
  }
}

/** An admin creates an account: staff with roles, facilities and an optional provider profile, or a patient's login. */
export async function createAccount(ctx: Context, input: unknown): Promise<AccountRow> {
  const admin = requireCapability(ctx, 'account.manage');
  const v = parseInput(createAccountSchema, input);
  assertMayGrant(admin, v.roles, v.facilityIds);
  // A confined admin's staff account works at one of their facilities, or they could never see it again.
  if (!isNetworkWide(admin) && !v.roles.includes('patient') && v.facilityIds.length === 0) {
    throw badInput('facilityIds: name at least one of your facilities', [{ path: 'facilityIds', message: 'name at least one of your facilities' }]);
  }
  const passwordHash = await hashPassword(v.password);
  try {
    return await ctx.db.transaction(async (tx) => {
      await assertAllExist(tx, facility, v.facilityIds, 'facilityIds', 'facility');
      await assertLinkable(tx, admin, v.providerId, v.patientId);
      const [row] = await tx
        .insert(account)
        .values({
          email: v.email,
          passwordHash,
          roles: v.roles,
          displayName: v.displayName,
          providerId: v.providerId ?? null,
          patientId: v.patientId ?? null,
        })
        .returning();
      if (!row) throw new Error('account insert returned nothing');
      await setFacilities(tx, row.id, v.facilityIds);
      await ctx.audit.write(tx, {
        action: 'create',
        entityType: 'Account',
        entityId: row.id,
        patientId: row.patientId,
        detail: { roles: v.roles, facilityIds: v.facilityIds, providerId: v.providerId ?? null },
      });
      return row;
    });
  } catch (err) {
    uniqueViolation(err);
  }
}

/** An admin changes an account's name, roles, facilities or provider link. */
export async function updateAccount(ctx: Context, id: string, input: unknown): Promise<AccountRow> {
  const admin = requireCapability(ctx, 'account.manage');
  const v = parseInput(updateAccountSchema, input);
  const fields = (Object.keys(v) as (keyof typeof v)[]).filter((k) => v[k] !== undefined);
  if (fields.length === 0) throw badInput('Nothing to change');
  try {
    return await ctx.db.transaction(async (tx) => {
      const current = await scopedAccount(tx, admin, id, { lock: true });
      assertMayChange(admin, current);
      assertMayGrant(admin, v.roles, v.facilityIds);
      const roles = v.roles ?? (current.roles as Role[]);
      const issues = roleShapeIssues(roles, current.patientId, v.providerId === undefined ? current.providerId : v.providerId);
      if (issues.length) throw badInput(issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
      // An admin cannot take away their own right to manage accounts, so the clinic always keeps someone who can.
      if (current.id === admin.userId && !can({ roles, scopes: [] }, 'account.manage')) throw invalidState('You cannot remove your own admin role');
      if (v.facilityIds) await assertAllExist(tx, facility, v.facilityIds, 'facilityIds', 'facility');
      await assertLinkable(tx, admin, v.providerId, null);
      const set: Partial<typeof account.$inferInsert> = {};
      if (v.displayName !== undefined) set.displayName = v.displayName;
      if (v.roles !== undefined) set.roles = v.roles;
      if (v.providerId !== undefined) set.providerId = v.providerId;
      let row = current;
      if (Object.keys(set).length) {
        const [updated] = await tx.update(account).set(set).where(eq(account.id, id)).returning();
        row = updated!;
      }
      // The list replaces the facilities the admin sees; those of other facilities (not theirs to change) stay.
      if (v.facilityIds) await setFacilities(tx, id, [...v.facilityIds, ...(await facilitiesOutsideScope(tx, admin, id))]);
      await ctx.audit.write(tx, {
        action: 'update',
        entityType: 'Account',
        entityId: id,
        patientId: current.patientId,
        detail: { fields, ...(v.roles ? { roles: v.roles, previousRoles: current.roles } : {}) },
      });
      return row;
    });
  } catch (err) {
    uniqueViolation(err);
  }
}

/**
 * Deactivates or reactivates an account. Deactivation ends every session at once: the refresh
 * tokens are revoked, so no new access token is issued, and sign-in is refused.
 */
export async function setAccountStatus(ctx: Context, id: string, status: 'active' | 'deactivated'): Promise<AccountRow> {
  const admin = requireCapability(ctx, 'account.manage');
  if (status === 'deactivated' && id === admin.userId) throw invalidState('You cannot deactivate your own account');
  return ctx.db.transaction(async (tx) => {
    const current = await scopedAccount(tx, admin, id, { lock: true });
    assertMayChange(admin, current);
    if (current.status === status) return current;
    const [row] = await tx.update(account).set({ status }).where(eq(account.id, id)).returning();
    if (status === 'deactivated') await revokeAllSessions(tx, id, 'deactivated', { actorId: admin.userId });
    await ctx.audit.write(tx, {
      action: 'update',
      entityType: 'Account',
      entityId: id,
      patientId: current.patientId,
      detail: { status, previousStatus: current.status },
    });
    return row!;
  });
}

/** An account an admin may see: a confined admin, those of their facilities (see account-scope.ts). */
export async function readAccount(ctx: Context, id: string): Promise<AccountRow> {
  const admin = requireCapability(ctx, 'account.manage');
  return scopedAccount(ctx.db, admin, id);
}

export interface AccountSearch {
  search?: string | null;
  role?: Role | null;
  status?: 'active' | 'deactivated' | null;
  facilityId?: string | null;
  first?: number | null;
  after?: string | null;
}

const escapeLike = (term: string) => term.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Admins list and search accounts by e-mail or name, role, status and facility; a confined admin, those of their facilities. */
export async function searchAccounts(ctx: Context, args: AccountSearch): Promise<Page<AccountRow>> {
  const admin = requireCapability(ctx, 'account.manage');
  const first = pageSize(args.first);
  const after = decodeCursor(args.after);
  if (args.facilityId && !isUuid(args.facilityId)) throw badInput('facilityId: is not a valid id', [{ path: 'facilityId', message: 'is not a valid id' }]);
  const term = args.search?.trim();
  const emailSort = sql<string>`lower(${account.email})`;
  const conditions: (SQL | undefined)[] = [
    term ? or(ilike(account.email, `%${escapeLike(term)}%`), ilike(account.displayName, `%${escapeLike(term)}%`)) : undefined,
    args.role ? arrayContains(account.roles, [args.role]) : undefined,
    args.status ? eq(account.status, args.status) : undefined,
    accountScopeCondition(admin),
    args.facilityId
      ? inArray(account.id, ctx.db.select({ id: accountFacility.accountId }).from(accountFacility).where(eq(accountFacility.facilityId, args.facilityId)))
      : undefined,
    after ? sql`(${emailSort}, ${account.id}) > (${String(after[0])}, ${String(after[1])}::uuid)` : undefined,
  ];
  const rows = await ctx.db
    .select()
    .from(account)
    .where(and(...conditions))
    .orderBy(emailSort, account.id)
    .limit(first + 1);
  return toPage(rows, first, (a) => [a.email.toLowerCase(), a.id]);
}
