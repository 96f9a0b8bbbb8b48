import { createMutation } from '@urql/solid';
import { createSignal } from 'solid-js';
import { useApp } from '../lib/app-context.ts';
import { AUTH_PAYLOAD } from '../lib/auth-payload.ts';
import { describeError } from '../lib/errors.ts';
import { graphql, readFragment } from '../lib/graphql.ts';
import { check, collect } from '../lib/validate.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { Field } from '../ui/Field.tsx';
import { Status } from '../ui/Status.tsx';
import { type NewPassword, NewPasswordFields, newPasswordIssues } from './NewPasswordFields.tsx';

export const CHANGE_PASSWORD = graphql(
  `
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) { ...AuthPayloadFields }
  }
`,
  [AUTH_PAYLOAD],
);

/** What the API says of a field, in the form's words. */
const SERVER_WORDS: Record<string, string> = {
  currentPassword: 'This is not your current password.',
  newPassword: 'Choose a password different from your current one.',
};

/**
 * Changes the signed-in person's password. The API ends every session of the account and answers a
 * fresh one, which this tab keeps: this tab stays signed in, other devices are signed out.
 */
export function ChangePasswordForm() {
  const { session } = useApp();
  const [current, setCurrent] = createSignal('');
  const [next, setNext] = createSignal<NewPassword>({ password: '', confirm: '' });
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [changed, setChanged] = createSignal(false);
  const [state, change] = createMutation(CHANGE_PASSWORD);
  const serverFields = () => describeError(state.error)?.fields ?? {};
  const fieldError = (name: string) => errors()[name] ?? (serverFields()[name] ? (SERVER_WORDS[name] ?? serverFields()[name]) : undefined);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setChanged(false);
    const found = {
      ...collect({ currentPassword: check.required(current(), 'Enter your current password.') }),
      ...newPasswordIssues(next()),
    };
    if (!found.newPassword && current() && next().password === current()) found.newPassword = SERVER_WORDS.newPassword!;
    setErrors(found);
    if (Object.keys(found).length) return;
    const result = await change({ currentPassword: current(), newPassword: next().password });
    if (!result.data) return;
    session.signIn(readFragment(AUTH_PAYLOAD, result.data.changePassword));
    setCurrent('');
    setNext({ password: '', confirm: '' });
    setChanged(true);
  };

  return (
    <form onSubmit={submit} aria-label="Change your password" novalidate>
      <h2>Change your password</h2>
      <Field label="Current password" error={fieldError('currentPassword')}>
        {(c) => (
          <input
            {...c}
            type="password"
            name="current-password"
            autocomplete="current-password"
            value={current()}
            onInput={(e) => setCurrent(e.currentTarget.value)}
          />
        )}
      </Field>
      <NewPasswordFields value={next()} errors={{ ...errors(), newPassword: fieldError('newPassword') }} onInput={setNext} />
      <ErrorNotice error={Object.keys(serverFields()).length ? null : state.error} />
      <Status when={changed()}>Your password has been changed. Other devices signed in to your account have been signed out.</Status>
      <button type="submit" disabled={state.fetching}>
        {state.fetching ? 'Saving…' : 'Change password'}
      </button>
    </form>
  );
}
