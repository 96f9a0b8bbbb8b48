import { A } from '@solidjs/router';
import { createMutation } from '@urql/solid';
import { createSignal, Show } from 'solid-js';
import { graphql } from '../lib/graphql.ts';
import { check } from '../lib/validate.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { Field } from '../ui/Field.tsx';

export const REQUEST_PASSWORD_RESET = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

/**
 * Asks for a reset link. The answer is the same whether or not the e-mail has an account (the API
 * always says yes), so the page never tells anyone who has one.
 */
export function ForgotPassword() {
  const [email, setEmail] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [sentTo, setSentTo] = createSignal<string | null>(null);
  const [state, request] = createMutation(REQUEST_PASSWORD_RESET);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const problem = check.email(email());
    setError(problem);
    if (problem) return;
    const result = await request({ email: email().trim() });
    if (result.data) setSentTo(email().trim());
  };

  return (
    <section class="page narrow">
      <Show
        when={sentTo()}
        fallback={
          <form onSubmit={submit} aria-label="Forgot your password" novalidate>
            <h1>Forgot your password?</h1>
            <p>Enter the e-mail you sign in with. We will send you a link to choose a new password.</p>
            <Field label="E-mail" error={error()}>
              {(c) => <input {...c} type="email" name="email" autocomplete="username" value={email()} onInput={(e) => setEmail(e.currentTarget.value)} />}
            </Field>
            <ErrorNotice error={state.error} />
            <button type="submit" disabled={state.fetching}>
              {state.fetching ? 'Sending…' : 'Send me a reset link'}
            </button>
            <p>
              <A href="/sign-in">Back to sign-in</A>
            </p>
          </form>
        }
      >
        {(to) => (
          <div role="status" aria-labelledby="reset-sent">
            <h1 id="reset-sent">Check your e-mail</h1>
            <p>
              If <strong>{to()}</strong> belongs to a Clinigraph account, we have sent it a link to choose a new password. The link works for one hour.
            </p>
            <p>No mail after a few minutes? Check your spam folder, or ask again.</p>
            <button type="button" class="secondary" onClick={() => setSentTo(null)}>
              Send another link
            </button>
            <p>
              <A href="/sign-in">Back to sign-in</A>
            </p>
          </div>
        )}
      </Show>
    </section>
  );
}
