import type { GqlClient, GqlResult } from '@clinigraph/kit/testing';
import { Secret, TOTP } from 'otpauth';

/** Test helpers for two-step sign-in: what an authenticator app does, and the GraphQL documents of its steps. */

export const START_ENROLMENT = 'mutation { startMfaEnrolment { secret otpauthUri qrCodeSvg } }';
export const CONFIRM_ENROLMENT = 'mutation($code: String!) { confirmMfaEnrolment(code: $code) }';
export const COMPLETE_SIGN_IN = `mutation($challenge: String!, $code: String!) {
  completeMfaSignIn(challenge: $challenge, code: $code) { accessToken refreshToken account { id } }
}`;
export const MY_MFA = '{ myMfa { enabled required recoveryCodesLeft } }';
export const SET_MFA_POLICY = 'mutation($roles: [Role!]!) { setMfaPolicy(requiredRoles: $roles) { requiredRoles } }';
export const RESET_MFA = 'mutation($id: ID!) { resetMfa(accountId: $id) }';
export const DISABLE_MFA = 'mutation($code: String!) { disableMfa(code: $code) }';

/**
 * The code an authenticator app shows `steps` time steps (30 s) from now. Before answering it waits out
 * the last two seconds of a step, so the server checks the code in the step it was made for.
 */
export async function totpCode(secret: string, steps = 0): Promise<string> {
  if (TOTP.remaining() < 2000) await new Promise((resolve) => setTimeout(resolve, TOTP.remaining() + 50));
  return new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + steps * 30_000 });
}

export interface Enrolled {
  secret: string;
  recoveryCodes: string[];
}

/**
 * Enrols the client's account: starts, then confirms with the code of the step before now (still
 * accepted, for clock drift), so the current step's code is left for the next sign-in.
 */
export async function enrol(client: GqlClient): Promise<Enrolled> {
  const { startMfaEnrolment } = await client.data<{ startMfaEnrolment: { secret: string } }>(START_ENROLMENT);
  const code = await totpCode(startMfaEnrolment.secret, -1);
  const { confirmMfaEnrolment } = await client.data<{ confirmMfaEnrolment: string[] }>(CONFIRM_ENROLMENT, { code });
  return { secret: startMfaEnrolment.secret, recoveryCodes: confirmMfaEnrolment };
}

/** The challenge of a refused first step (`login` answering MFA_CHALLENGE), or null. */
export const challengeOf = (result: GqlResult): string | null => {
  const extensions = result.errors[0]?.extensions;
  return extensions?.code === 'MFA_CHALLENGE' && typeof extensions.challenge === 'string' ? extensions.challenge : null;
};
