import { randomBytes } from 'node:crypto';
import {
  badInput,
  type Context,
  conflict,
  type DbOrTx,
  decodeCursor,
  type FieldIssue,
  invalidState,
  isUuid,
  log,
  notFound,
  type Page,
  pageSize,
  parseInput,
  pgErrorInfo,
  type Role,
  Roles,
  requireIdentity,
  SqlState,
  sendMail,
  toPage,
} from '@clinigraph/kit';
import { and, arrayContains, eq, gt, ilike, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import { account, accountFacility, facility, loginFailure, passwordReset, patient, provider } from '../db/schema.ts';
import { requireAdmin } from './access.ts';
import { email, name, uuid, uuidList } from './inputs.ts';
import type { AccountRow } from './loaders.ts';
import { passwordSchema } from './registration.ts';
import { assertNotThrottled, emailKey, issueSession, revokeAllSessions, type Session, sha256 } from './sessions.ts';

export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;
/** Reset mails per account per hour; requests beyond it still answer true but send nothing. */
export const MAX_RESETS_PER_HOUR = 3;

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

/** An admin creates an account: staff with roles, facilities and an optional provider profile, or a patient's login. */
export async function createAccount(ctx: Context, input: unknown): Promise<AccountRow> {
  requireAdmin(ctx);
  const v = parseInput(createAccountSchema, input);
  const passwordHash = await hashPassword(v.password);
  try {
    return await ctx.db.transaction(async (tx) => {
      await assertAllExist(tx, facility, v.facilityIds, 'facilityIds', 'facility');
      if (v.providerId) await assertAllExist(tx, provider, [v.providerId], 'providerId', 'provider');
      if (v.patientId) await assertAllExist(tx, patient, [v.patientId], 'patientId', 'patient');
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

async function lockAccount(tx: DbOrTx, id: string): Promise<AccountRow> {
  const [row] = isUuid(id) ? await tx.select().from(account).where(eq(account.id, id)).for('update') : [];
  if (!row) throw notFound('Account');
  return row;
}

/** An admin changes an account's name, roles, facilities or provider link. */
export async function updateAccount(ctx: Context, id: string, input: unknown): Promise<AccountRow> {
  const admin = requireAdmin(ctx);
  const v = parseInput(updateAccountSchema, input);
  const fields = (Object.keys(v) as (keyof typeof v)[]).filter((k) => v[k] !== undefined);
  if (fields.length === 0) throw badInput('Nothing to change');
  try {
    return await ctx.db.transaction(async (tx) => {
      const current = await lockAccount(tx, id);
      const roles = v.roles ?? (current.roles as Role[]);
      const issues = roleShapeIssues(roles, current.patientId, v.providerId === undefined ? current.providerId : v.providerId);
      if (issues.length) throw badInput(issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
      if (current.id === admin.userId && !roles.includes('admin')) throw invalidState('You cannot remove your own admin role');
      if (v.facilityIds) await assertAllExist(tx, facility, v.facilityIds, 'facilityIds', 'facility');
      if (v.providerId) await assertAllExist(tx, provider, [v.providerId], 'providerId', 'provider');
      const set: Partial<typeof account.$inferInsert> = {};
      if (v.displayName !== undefined) set.displayName = v.displayName;
      if (v.roles !== undefined) set.roles = v.roles;
      if (v.providerId !== undefined) set.providerId = v.providerId;
      let row = current;
      if (Object.keys(set).length) {
        const [updated] = await tx.update(account).set(set).where(eq(account.id, id)).returning();
        row = updated!;
      }
      if (v.facilityIds) await setFacilities(tx, id, v.facilityIds);
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
  const admin = requireAdmin(ctx);
  if (status === 'deactivated' && id === admin.userId) throw invalidState('You cannot deactivate your own account');
  return ctx.db.transaction(async (tx) => {
    const current = await lockAccount(tx, id);
    if (current.status === status) return current;
    const [row] = await tx.update(account).set({ status }).where(eq(account.id, id)).returning();
    if (status === 'deactivated') await revokeAllSessions(tx, id);
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

export async function readAccount(ctx: Context, id: string): Promise<AccountRow> {
  requireAdmin(ctx);
  const [row] = isUuid(id) ? await ctx.db.select().from(account).where(eq(account.id, id)) : [];
  if (!row) throw notFound('Account');
  return row;
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

/** Admins list and search accounts by e-mail or name, role, status and facility. */
export async function searchAccounts(ctx: Context, args: AccountSearch): Promise<Page<AccountRow>> {
  requireAdmin(ctx);
  const first = pageSize(args.first);
  const after = decodeCursor(args.after);
  if (args.facilityId && !isUuid(args.facilityId)) throw badInput('facilityId: is not a valid id', [{ path: 'facilityId', message: 'is not a valid id' }]);
  const term = args.search?.trim();
  const emailSort = sql<string>`lower(${account.email})`;
  const conditions: (SQL | undefined)[] = [
    term ? or(ilike(account.email, `%${escapeLike(term)}%`), ilike(account.displayName, `%${escapeLike(term)}%`)) : undefined,
    args.role ? arrayContains(account.roles, [args.role]) : undefined,
    args.status ? eq(account.status, args.status) : undefined,
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

/**
 * Changes the caller's own password. The current password is required (and wrong guesses count
 * towards the sign-in throttle). Every existing session ends; the caller gets a fresh one.
 */
export async function changePassword(ctx: Context, currentPassword: string, newPassword: string): Promise<Session> {
  const identity = requireIdentity(ctx);
  const next = parseInput(z.object({ newPassword: passwordSchema }), { newPassword }).newPassword;
  const [row] = await ctx.db.select().from(account).where(eq(account.id, identity.userId));
  if (!row || row.status !== 'active') throw notFound('Account');
  const key = emailKey(row.email);
  await assertNotThrottled(ctx, key);
  if (!(await verifyPassword(currentPassword, row.passwordHash))) {
    await ctx.db.insert(loginFailure).values({ emailKey: key, ip: ctx.ip });
    throw badInput('currentPassword: is wrong', [{ path: 'currentPassword', message: 'is wrong' }]);
  }
  if (currentPassword === next)
    throw badInput('newPassword: must differ from the current password', [{ path: 'newPassword', message: 'must differ from the current password' }]);
  const passwordHash = await hashPassword(next);
  return ctx.db.transaction(async (tx) => {
    const [updated] = await tx.update(account).set({ passwordHash, passwordChangedAt: new Date() }).where(eq(account.id, row.id)).returning();
    await revokeAllSessions(tx, row.id);
    await ctx.audit.write(tx, { action: 'update', entityType: 'Account', entityId: row.id, patientId: row.patientId, detail: { via: 'password-change' } });
    return issueSession(tx, updated!, ctx.ip);
  });
}

const resetLink = (token: string) => `${(process.env.CLINIGRAPH_PUBLIC_URL ?? 'http://localhost:4000').replace(/\/$/, '')}/reset-password?token=${token}`;

/**
 * Sends a password-reset token by mail when the e-mail belongs to an active account. Always answers
 * true, whatever the e-mail, so the answer never tells whether an account exists.
 */
export async function requestPasswordReset(ctx: Context, rawEmail: string): Promise<boolean> {
  if (rawEmail.length > 320) return true;
  const key = emailKey(rawEmail);
  const [row] = await ctx.db
    .select()
    .from(account)
    .where(eq(sql`lower(${account.email})`, key));
  if (!row || row.status !== 'active') return true;
  const token = randomBytes(32).toString('base64url');
  const sent = await ctx.db.transaction(async (tx) => {
    // Serialise requests for one account so the hourly cap holds under concurrency.
    await tx.select({ id: account.id }).from(account).where(eq(account.id, row.id)).for('update');
    const recent = await tx
      .select({ id: passwordReset.id })
      .from(passwordReset)
      .where(and(eq(passwordReset.accountId, row.id), gt(passwordReset.createdAt, new Date(Date.now() - 3600_000))));
    if (recent.length >= MAX_RESETS_PER_HOUR) return false;
    await tx.insert(passwordReset).values({ accountId: row.id, tokenHash: sha256(token), expiresAt: new Date(Date.now() + PASSWORD_RESET_TTL_MS) });
    await ctx.audit.write(tx, { action: 'create', entityType: 'PasswordReset', entityId: row.id, patientId: row.patientId });
    return true;
  });
  if (!sent) return true;
  // Not awaited: a slow mail server must not make known e-mails answer slower than unknown ones.
  void sendMail({
    to: row.email,
    subject: 'Reset your Clinigraph password',
    text: [
      `Hello ${row.displayName},`,
      '',
      'Someone asked to reset the password of your Clinigraph account. If it was you, use this link within an hour:',
      resetLink(token),
      '',
      `Reset code: ${token}`,
      '',
      'If it was not you, ignore this mail: your password stays as it is.',
    ].join('\n'),
  }).catch((err: unknown) => log.error({ err }, 'password reset mail failed'));
  return true;
}

const invalidReset = () => badInput('This reset link is invalid or has expired; ask for a new one', [{ path: 'token', message: 'is invalid or has expired' }]);

/**
 * Sets a new password with a reset token. The token is single use and expires after an hour; every
 * other outstanding token of the account is spent too, and every session ends.
 */
export async function resetPassword(ctx: Context, token: string, newPassword: string): Promise<boolean> {
  const next = parseInput(z.object({ newPassword: passwordSchema }), { newPassword }).newPassword;
  const [reset] = await ctx.db
    .select()
    .from(passwordReset)
    .where(eq(passwordReset.tokenHash, sha256(token)));
  if (!reset || reset.usedAt || reset.expiresAt.getTime() <= Date.now()) throw invalidReset();
  const passwordHash = await hashPassword(next);
  await ctx.db.transaction(async (tx) => {
    const spent = await tx
      .update(passwordReset)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordReset.id, reset.id), isNull(passwordReset.usedAt), gt(passwordReset.expiresAt, new Date())))
      .returning({ id: passwordReset.id });
    if (spent.length === 0) throw invalidReset();
    const [row] = await tx.select().from(account).where(eq(account.id, reset.accountId)).for('update');
    if (!row || row.status !== 'active') throw invalidReset();
    await tx
      .update(passwordReset)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordReset.accountId, row.id), isNull(passwordReset.usedAt)));
    await tx.update(account).set({ passwordHash, passwordChangedAt: new Date() }).where(eq(account.id, row.id));
    await revokeAllSessions(tx, row.id);
    // Whoever holds the mailbox is the owner: the sign-in throttle for this e-mail starts afresh.
    await tx.delete(loginFailure).where(eq(loginFailure.emailKey, emailKey(row.email)));
    await ctx.audit.write(tx, { action: 'update', entityType: 'Account', entityId: row.id, patientId: row.patientId, detail: { via: 'password-reset' } });
  });
  return true;
}
