import type { CombinedError } from '@urql/core';
import { AUTH_PAYLOAD } from '../lib/auth-payload.ts';
import { graphql } from '../lib/graphql.ts';

export const COMPLETE_MFA_SIGN_IN = graphql(
  `
  mutation CompleteMfaSignIn($challenge: String!, $code: String!) {
    completeMfaSignIn(challenge: $challenge, code: $code) { ...AuthPayloadFields }
  }
`,
  [AUTH_PAYLOAD],
);

export const MY_MFA = graphql(`
  query MyMfa { myMfa { enabled required recoveryCodesLeft } }
`);

export const START_MFA_ENROLMENT = graphql(`
  mutation StartMfaEnrolment { startMfaEnrolment { secret otpauthUri qrCodeSvg } }
`);

export const CONFIRM_MFA_ENROLMENT = graphql(`
  mutation ConfirmMfaEnrolment($code: String!) { confirmMfaEnrolment(code: $code) }
`);

export const DISABLE_MFA = graphql(`
  mutation DisableMfa($code: String!) { disableMfa(code: $code) }
`);

/** The challenge of a password step that needs a second one (the API's MFA_CHALLENGE error), or null. */
export function mfaChallengeOf(error: CombinedError | undefined): string | null {
  const extensions = error?.graphQLErrors[0]?.extensions;
  return extensions?.code === 'MFA_CHALLENGE' && typeof extensions.challenge === 'string' ? extensions.challenge : null;
}
