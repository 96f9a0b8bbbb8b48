import {
  type Context,
  conflict,
  type DbOrTx,
  type Identity,
  invalidState,
  isRole,
  notFound,
  type Role,
  requireCapability,
  requireIdentity,
} from '@clinigraph/kit';
import { and, count, eq, isNull } from 'drizzle-orm';
import QRCode from 'qrcode';
import { account, mfaFactor, mfaPolicy, mfaRecoveryCode, mfaVerifiedSession } from '../db/schema.ts';
import { assertMayChange, scopedAccount } from './account-scope.ts';
import {
  acceptedStep,
  decryptSecret,
  encryptSecret,
  isRecoveryCodeShape,
  newRecoveryCode,
  newSecret,
  RECOVERY_CODE_COUNT,
  recoveryCodeHash,
  totpFor,
} from './mfa-secret.ts';

/** Roles that must always use two-step sign-in, whatever the setting says. */
export const ALWAYS_MFA: readonly Role[] = ['admin', 'network_admin'];

export async function mfaRequiredRoles(db: DbOrTx): Promise<Role[]> {
  const [row] = await db.select().from(mfaPolicy).where(eq(mfaPolicy.id, 1));
  return row ? row.requiredRoles.filter(isRole) : [...ALWAYS_MFA];
}

/** Sets the roles that must use two-step sign-in (admins always do). Needs `account.manage`. */
export async function setMfaRequiredRoles(ctx: Context, roles: Role[]): Promise<Role[]> {
  requireCapability(ctx, 'account.manage');
  const requiredRoles = [...new Set<Role>([...ALWAYS_MFA, ...roles])];
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(mfaPolicy)
      .values({ id: 1, requiredRoles })
      .onConflictDoUpdate({ target: mfaPolicy.id, set: { requiredRoles, updatedAt: new Date() } });
    await ctx.audit.write(tx, { action: 'mfa_policy', entityType: 'MfaPolicy', detail: { requiredRoles } });
  });
  return requiredRoles;
}

/** What goes into a new access token: whether the roles need a second factor, and whether this session used one. */
export async function mfaClaims(db: DbOrTx, roles: readonly string[], familyId: string): Promise<Pick<Identity, 'mfa' | 'mfaRequired'>> {
  const required: readonly string[] = await mfaRequiredRoles(db);
  return { mfaRequired: roles.some((r) => required.includes(r)), mfa: await isSessionVerified(db, familyId) };
}

export async function isSessionVerified(db: DbOrTx, familyId: string): Promise<boolean> {
  const [row] = await db.select({ id: mfaVerifiedSession.familyId }).from(mfaVerifiedSession).where(eq(mfaVerifiedSession.familyId, familyId));
  return !!row;
}

export async function markSessionVerified(tx: DbOrTx, accountId: string, familyId: string): Promise<void> {
  await tx.insert(mfaVerifiedSession).values({ accountId, familyId }).onConflictDoNothing();
}

export async function confirmedFactor(db: DbOrTx, accountId: string) {
  const [row] = await db.select().from(mfaFactor).where(eq(mfaFactor.accountId, accountId));
  return row?.confirmedAt ? row : null;
}

export interface MfaStatus {
  enabled: boolean;
  required: boolean;
  recoveryCodesLeft: number;
}

export async function mfaStatus(ctx: Context): Promise<MfaStatus> {
  const identity = requireIdentity(ctx);
  const factor = await confirmedFactor(ctx.db, identity.userId);
  const [left] = await ctx.db
    .select({ n: count() })
    .from(mfaRecoveryCode)
    .where(and(eq(mfaRecoveryCode.accountId, identity.userId), isNull(mfaRecoveryCode.usedAt)));
  const required = await mfaRequiredRoles(ctx.db);
  return { enabled: !!factor, required: identity.roles.some((r) => required.includes(r)), recoveryCodesLeft: factor ? (left?.n ?? 0) : 0 };
}

export interface MfaEnrolment {
  secret: string;
  otpauthUri: string;
  qrCodeSvg: string;
}

/** Starts (or starts again) enrolment: a new secret, answered this once; the factor counts once a code confirms it. */
export async function startMfaEnrolment(ctx: Context): Promise<MfaEnrolment> {
  const identity = requireIdentity(ctx);
  if (await confirmedFactor(ctx.db, identity.userId)) throw conflict('Two-step sign-in is already on; turn it off first to enrol another device');
  const [row] = await ctx.db.select({ email: account.email }).from(account).where(eq(account.id, identity.userId));
  if (!row) throw notFound('Account');
  const secret = newSecret();
  const secretEncrypted = await encryptSecret(secret);
  await ctx.db
    .insert(mfaFactor)
    .values({ accountId: identity.userId, secretEncrypted })
    .onConflictDoUpdate({ target: mfaFactor.accountId, set: { secretEncrypted, confirmedAt: null, lastStep: null, createdAt: new Date() } });
  const otpauthUri = totpFor(secret, row.email).toString();
  return { secret, otpauthUri, qrCodeSvg: await QRCode.toString(otpauthUri, { type: 'svg', margin: 1 }) };
}

/**
 * Confirms enrolment with a current code and answers the recovery codes, this once. The caller's session
 * (`sid`) then counts as confirmed with a second factor: its next refresh carries `amr: otp`.
 */
export async function confirmMfaEnrolment(ctx: Context, code: string): Promise<string[]> {
  const identity = requireIdentity(ctx);
  return ctx.db.transaction(async (tx) => {
    const [factor] = await tx.select().from(mfaFactor).where(eq(mfaFactor.accountId, identity.userId)).for('update');
    if (!factor) throw invalidState('Start enrolment first');
    if (factor.confirmedAt) throw conflict('Two-step sign-in is already on');
    const step = acceptedStep(await decryptSecret(factor.secretEncrypted), code, null);
    if (step === null) throw invalidState('That code is not right; check the time on your phone and try the next one', { field: 'code' });
    await tx.update(mfaFactor).set({ confirmedAt: new Date(), lastStep: step }).where(eq(mfaFactor.accountId, identity.userId));
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await tx.delete(mfaRecoveryCode).where(eq(mfaRecoveryCode.accountId, identity.userId));
    await tx.insert(mfaRecoveryCode).values(codes.map((c) => ({ accountId: identity.userId, codeHash: recoveryCodeHash(c) })));
    if (identity.sessionId) await markSessionVerified(tx, identity.userId, identity.sessionId);
    await ctx.audit.write(tx, { action: 'mfa_enrol', entityType: 'Account', entityId: identity.userId, detail: { method: 'totp' } });
    return codes;
  });
}

/**
 * Checks a second-factor code for the account inside `tx` (the factor row locked): a TOTP code newer than
 * the last accepted one, or an unused recovery code, which is used up. Answers how it was proven, or null.
 */
export async function useSecondFactor(tx: DbOrTx, accountId: string, code: string): Promise<'totp' | 'recovery-code' | null> {
  const [factor] = await tx.select().from(mfaFactor).where(eq(mfaFactor.accountId, accountId)).for('update');
  if (!factor?.confirmedAt) return null;
  if (isRecoveryCodeShape(code)) {
    const used = await tx
      .update(mfaRecoveryCode)
      .set({ usedAt: new Date() })
      .where(and(eq(mfaRecoveryCode.accountId, accountId), eq(mfaRecoveryCode.codeHash, recoveryCodeHash(code)), isNull(mfaRecoveryCode.usedAt)))
      .returning({ id: mfaRecoveryCode.id });
    return used.length ? 'recovery-code' : null;
  }
  const step = acceptedStep(await decryptSecret(factor.secretEncrypted), code, factor.lastStep);
  if (step === null) return null;
  await tx.update(mfaFactor).set({ lastStep: step }).where(eq(mfaFactor.accountId, accountId));
  return 'totp';
}

async function removeFactor(tx: DbOrTx, accountId: string): Promise<void> {
  await tx.delete(mfaRecoveryCode).where(eq(mfaRecoveryCode.accountId, accountId));
  await tx.delete(mfaVerifiedSession).where(eq(mfaVerifiedSession.accountId, accountId));
  await tx.delete(mfaFactor).where(eq(mfaFactor.accountId, accountId));
}

/** Turns one's own two-step sign-in off, proven by a current code; refused while one's role requires it. */
export async function disableMfa(ctx: Context, code: string): Promise<boolean> {
  const identity = requireIdentity(ctx);
  const required = await mfaRequiredRoles(ctx.db);
  if (identity.roles.some((r) => required.includes(r))) throw invalidState('Your role requires two-step sign-in; it cannot be turned off');
  return ctx.db.transaction(async (tx) => {
    if (!(await confirmedFactor(tx, identity.userId))) throw invalidState('Two-step sign-in is not on');
    const how = await useSecondFactor(tx, identity.userId, code);
    if (!how) throw invalidState('That code is not right', { field: 'code' });
    await removeFactor(tx, identity.userId);
    await ctx.audit.write(tx, { action: 'mfa_disable', entityType: 'Account', entityId: identity.userId, detail: { proof: how } });
    return true;
  });
}

/**
 * An admin resets a person's two-step sign-in (a lost phone): the factor, its recovery codes and every
 * session go, so the person signs in with their password and enrols again. Needs `account.manage`.
 */
export async function resetMfa(ctx: Context, accountId: string, endSessions: (tx: DbOrTx, accountId: string) => Promise<unknown>): Promise<boolean> {
  const admin = requireCapability(ctx, 'account.manage');
  return ctx.db.transaction(async (tx) => {
    const row = await scopedAccount(tx, admin, accountId);
    assertMayChange(admin, row);
    await removeFactor(tx, accountId);
    await endSessions(tx, accountId);
    await ctx.audit.write(tx, { action: 'mfa_reset', entityType: 'Account', entityId: accountId, patientId: row.patientId });
    return true;
  });
}
