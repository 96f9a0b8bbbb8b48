import { A, useNavigate, useSearchParams } from '@solidjs/router';
import { createMutation } from '@urql/solid';
import { createEffect, createSignal, Show } from 'solid-js';
import { useApp } from '../lib/app-context.ts';
import { AUTH_PAYLOAD, type AuthPayload } from '../lib/auth-payload.ts';
import { describeError } from '../lib/errors.ts';
import { graphql, readFragment } from '../lib/graphql.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { Field } from '../ui/Field.tsx';
import { MfaCodeStep } from './MfaCodeStep.tsx';
import { mfaChallengeOf } from './mfa-queries.ts';

export const LOGIN = graphql(
  `
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) { ...AuthPayloadFields }
  }
`,
  [AUTH_PAYLOAD],
);

/** A same-site path to return to after signing in, never another origin. */
export const safeNext = (next: unknown): string => (typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') ? next : '/');

/** Sign-in for staff and patients; returns to the page that asked for it. */
export function SignIn() {
  const { session } = useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [state, login] = createMutation(LOGIN);
  /** Set when the password was right and the account uses two-step sign-in: the code step shows instead. */
  const [challenge, setChallenge] = createSignal<string | null>(null);
  // Signed in already, or a session arrives from another tab while this page is open (tab-sessions.ts): go where sign-in would.
  createEffect(() => {
    if (session.account()) navigate(safeNext(params.next), { replace: true });
  });

  /** A refused sign-in says what the API says ("Wrong e-mail or password"), not "your session has ended". */
  const failure = () => {
    const problem = describeError(state.error);
    return problem?.code === 'UNAUTHENTICATED' ? { ...problem, message: state.error?.graphQLErrors[0]?.message ?? problem.message } : problem;
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!/^\S+@\S+\.\S+$/.test(email().trim())) found.email = 'Enter your e-mail address.';
    if (!password()) found.password = 'Enter your password.';
    setErrors(found);
    if (Object.keys(found).length) return;
    const result = await login({ email: email().trim(), password: password() });
    setChallenge(mfaChallengeOf(result.error));
    if (result.data) signedIn(readFragment(AUTH_PAYLOAD, result.data.login));
  };
  const signedIn = (payload: AuthPayload) => {
    session.signIn(payload);
    navigate(safeNext(params.next), { replace: true });
  };

  return (
    <section class="page narrow">
      <Show when={challenge()}>{(c) => <MfaCodeStep challenge={c()} onSignedIn={signedIn} onStartAgain={() => setChallenge(null)} />}</Show>
      <form onSubmit={submit} aria-label="Sign in" novalidate hidden={!!challenge()}>
        <h1>Sign in to Clinigraph</h1>
        <Show when={session.ended() === 'expired'}>
          <p class="notice" role="status">
            Your session has ended. Please sign in again.
          </p>
        </Show>
        <Field label="E-mail" error={errors().email}>
          {(c) => <input {...c} type="email" name="email" autocomplete="username" value={email()} onInput={(e) => setEmail(e.currentTarget.value)} />}
        </Field>
        <Field label="Password" error={errors().password}>
          {(c) => (
            <input
              {...c}
              type="password"
              name="password"
              autocomplete="current-password"
              value={password()}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
          )}
        </Field>
        <ErrorNotice error={failure()} />
        <button type="submit" disabled={state.fetching}>
          {state.fetching ? 'Signing in…' : 'Sign in'}
        </button>
        <p>
          <A href="/forgot-password">Forgot your password?</A>
        </p>
        <p>
          New patient? <A href="/register">Create your account</A>
        </p>
      </form>
    </section>
  );
}
