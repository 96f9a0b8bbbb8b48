import { createHash, randomBytes } from 'node:crypto';
import { AppError, type Context, ErrorCode } from '@clinigraph/kit';
import { mfaChallenge } from '../db/schema.ts';
import { confirmedFactor } from './mfa.ts';

/** How long the second step of a sign-in may take, and how many codes it may try. */
export const MFA_CHALLENGE_TTL_MS = 5 * 60 * 1000;
export const MAX_CHALLENGE_ATTEMPTS = 5;

export const challengeHash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * For an account with two-step sign-in on, after its password proved right: a short-lived challenge,
 * given to the caller in an MFA_CHALLENGE error (extensions.challenge) instead of tokens, as OAuth
 * servers answer `mfa_required` with an `mfa_token`. Null for an account without a second factor.
 */
export async function mfaChallengeFor(ctx: Context, accountId: string): Promise<AppError | null> {
  if (!(await confirmedFactor(ctx.db, accountId))) return null;
  const challenge = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + MFA_CHALLENGE_TTL_MS);
  await ctx.db.insert(mfaChallenge).values({ accountId, tokenHash: challengeHash(challenge), expiresAt });
  return new AppError(ErrorCode.MFA_CHALLENGE, 'Enter the 6-digit code from your authenticator app, or a recovery code', {
    challenge,
    expiresAt: expiresAt.toISOString(),
  });
}
