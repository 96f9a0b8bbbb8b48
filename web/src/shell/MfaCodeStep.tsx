import { createMutation } from '@urql/solid';
import { createSignal } from 'solid-js';
import type { AuthPayload } from '../lib/auth-payload.ts';
import { AUTH_PAYLOAD } from '../lib/auth-payload.ts';
import { describeError } from '../lib/errors.ts';
import { readFragment } from '../lib/graphql.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { Field } from '../ui/Field.tsx';
import { COMPLETE_MFA_SIGN_IN } from './mfa-queries.ts';

/** The second step of signing in: a code from the authenticator app, or a recovery code. */
export function MfaCodeStep(props: { challenge: string; onSignedIn: (payload: AuthPayload) => void; onStartAgain: () => void }) {
  const [code, setCode] = createSignal('');
  const [missing, setMissing] = createSignal<string | null>(null);
  const [state, complete] = createMutation(COMPLETE_MFA_SIGN_IN);
  const failure = () => {
    const problem = describeError(state.error);
    return problem?.code === 'UNAUTHENTICATED' ? { ...problem, message: state.error?.graphQLErrors[0]?.message ?? problem.message } : problem;
  };
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setMissing(code().trim() ? null : 'Enter the code from your authenticator app.');
    if (missing()) return;
    const result = await complete({ challenge: props.challenge, code: code().trim() });
    if (result.data) props.onSignedIn(readFragment(AUTH_PAYLOAD, result.data.completeMfaSignIn));
  };
  return (
    <form onSubmit={submit} aria-label="Two-step sign-in" novalidate>
      <h1>Two-step sign-in</h1>
      <p>Enter the 6-digit code your authenticator app shows for Clinigraph. Lost your phone? Enter one of your recovery codes.</p>
      <Field label="Code" error={missing()}>
        {(c) => <input {...c} name="code" inputmode="numeric" autocomplete="one-time-code" value={code()} onInput={(e) => setCode(e.currentTarget.value)} />}
      </Field>
      <ErrorNotice error={failure()} />
      <button type="submit" disabled={state.fetching}>
        {state.fetching ? 'Checking…' : 'Sign in'}
      </button>
      <p>
        <button type="button" class="link" onClick={() => props.onStartAgain()}>
          Start again
        </button>
      </p>
    </form>
  );
}
