import { A, useSearchParams } from '@solidjs/router';
import { createMutation } from '@urql/solid';
import { createSignal, Match, Show, Switch } from 'solid-js';
import { useApp } from '../lib/app-context.ts';
import { describeError, ruleOf } from '../lib/errors.ts';
import { graphql } from '../lib/graphql.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { type NewPassword, NewPasswordFields, newPasswordIssues } from './NewPasswordFields.tsx';

export const RESET_PASSWORD = graphql(`
  mutation ResetPassword($token: String!, $newPassword: String!) {
    resetPassword(token: $token, newPassword: $newPassword)
  }
`);

/** What a refused link means, in words a person can act on; null when the refusal is about the password. */
function linkProblem(error: Parameters<typeof describeError>[0]): string | null {
  const rule = ruleOf(error);
  if (rule === 'RESET_LINK_EXPIRED') return 'This reset link has expired. Links work for one hour.';
  if (rule === 'RESET_LINK_USED') return 'This reset link has already been used. Each link works once.';
  if (describeError(error)?.fields.token) return 'This reset link is not valid. Check that you opened the whole link from the e-mail.';
  return null;
}

/** The page the reset e-mail links to (`/reset-password?token=…`): choose a new password, then sign in with it. */
export function ResetPassword() {
  const { session } = useApp();
  const [params] = useSearchParams();
  const token = () => (typeof params.token === 'string' ? params.token : '');
  const [value, setValue] = createSignal<NewPassword>({ password: '', confirm: '' });
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [done, setDone] = createSignal(false);
  const [state, reset] = createMutation(RESET_PASSWORD);
  const refusedLink = () => linkProblem(state.error);
  const serverField = () => describeError(state.error)?.fields.newPassword;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const found = newPasswordIssues(value());
    setErrors(found);
    if (Object.keys(found).length) return;
    const result = await reset({ token: token(), newPassword: value().password });
    if (!result.data?.resetPassword) return;
    // The reset ended every session of the account; a session kept in this tab would only fail later.
    if (session.account()) session.signOut();
    setDone(true);
  };

  const askAgain = (
    <p>
      <A href="/forgot-password">Ask for a new link</A>
    </p>
  );

  return (
    <section class="page narrow">
      <Switch>
        <Match when={done()}>
          <div role="status" aria-labelledby="reset-done">
            <h1 id="reset-done">Your password has been changed</h1>
            <p>Every device that was signed in to your account has been signed out.</p>
            <p>
              <A href="/sign-in" class="button">
                Sign in with your new password
              </A>
            </p>
          </div>
        </Match>
        <Match when={!token()}>
          <h1>Reset your password</h1>
          <p>This page needs the link from your password-reset e-mail. Open the link in the e-mail, or ask for a new one.</p>
          {askAgain}
        </Match>
        <Match when={refusedLink()}>
          {(problem) => (
            <div role="alert" aria-labelledby="reset-refused">
              <h1 id="reset-refused">This link cannot be used</h1>
              <p class="notice error">{problem()}</p>
              {askAgain}
            </div>
          )}
        </Match>
        <Match when={true}>
          <form onSubmit={submit} aria-label="Choose a new password" novalidate>
            <h1>Choose a new password</h1>
            <NewPasswordFields value={value()} errors={{ ...errors(), newPassword: errors().newPassword ?? serverField() }} onInput={setValue} />
            <Show when={!serverField()}>
              <ErrorNotice error={state.error} />
            </Show>
            <button type="submit" disabled={state.fetching}>
              {state.fetching ? 'Saving…' : 'Save new password'}
            </button>
          </form>
        </Match>
      </Switch>
    </section>
  );
}
