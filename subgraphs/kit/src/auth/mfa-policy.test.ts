import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { canSeePatient, requireCapability, requireIdentity } from './guards.ts';
import type { Identity, Role } from './identity.ts';
import { can, capabilitiesOf, mfaSatisfied } from './policy.ts';
import { signAccessToken, verifyAccessToken } from './tokens.ts';

const who = (roles: Role[], extra: Partial<Identity> = {}): Identity => ({
  userId: 'u1',
  roles,
  patientId: null,
  providerId: null,
  facilityIds: [],
  scopes: [],
  ...extra,
});
const codeOfThrow = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err instanceof AppError ? err.extensions.code : 'not an AppError';
  }
  return null;
};

describe('the policy and two-step sign-in', () => {
  const unconfirmedAdmin = who(['admin'], { mfaRequired: true, mfa: false });

  it('grants nothing to an identity whose roles need a second factor its session did not use', () => {
    expect(mfaSatisfied(unconfirmedAdmin)).toBe(false);
    expect(capabilitiesOf(unconfirmedAdmin).size).toBe(0);
    expect(can(unconfirmedAdmin, 'audit.read')).toBe(false);
    expect(canSeePatient(unconfirmedAdmin, 'p1')).toBe(false);
  });

  it('answers MFA_REQUIRED for what the roles would grant, FORBIDDEN for what they never would, and lets the person enrol', () => {
    const ctx = { identity: unconfirmedAdmin };
    expect(codeOfThrow(() => requireCapability(ctx, 'account.manage'))).toBe('MFA_REQUIRED');
    expect(codeOfThrow(() => requireCapability(ctx, 'own.book'))).toBe('FORBIDDEN');
    expect(requireIdentity(ctx).userId).toBe('u1');
  });

  it('grants as usual once the session used the second factor, and to roles that do not need one', () => {
    expect(can(who(['admin'], { mfaRequired: true, mfa: true }), 'account.manage')).toBe(true);
    expect(can(who(['doctor'], { mfaRequired: false, mfa: false }), 'clinical.write')).toBe(true);
    expect(can(who(['patient']), 'own.read')).toBe(true);
  });

  it('carries both facts in the token (`amr`, `mfr`), and a token without them requires nothing', async () => {
    const { token } = await signAccessToken(unconfirmedAdmin);
    const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
    expect(payload).toMatchObject({ amr: ['pwd'], mfr: true });
    expect(await verifyAccessToken(token)).toMatchObject({ mfa: false, mfaRequired: true });
    const confirmed = await verifyAccessToken((await signAccessToken(who(['admin'], { mfaRequired: true, mfa: true }))).token);
    expect(confirmed).toMatchObject({ mfa: true, mfaRequired: true });
    expect(await verifyAccessToken((await signAccessToken(who(['nurse']))).token)).toMatchObject({ mfa: false, mfaRequired: false });
  });
});
