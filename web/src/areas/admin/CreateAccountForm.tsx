import { createMutation } from '@urql/solid';
import { createSignal, For } from 'solid-js';
import { createStore } from 'solid-js/store';
import { useApp } from '../../lib/app-context.ts';
import { describeError } from '../../lib/errors.ts';
import { ROLE } from '../../lib/labels/people.ts';
import type { Role } from '../../lib/roles.ts';
import { check, collect } from '../../lib/validate.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { Status } from '../../ui/Status.tsx';
import { CREATE_ACCOUNT, grantableRoles } from './account-queries.ts';

/** Creates a staff account with roles, at the admin's facilities. */
export function CreateAccountForm(props: { onCreated: () => void }) {
  const { session } = useApp();
  const [form, setForm] = createStore({ email: '', displayName: '', password: '', roles: [] as Role[] });
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [state, create] = createMutation(CREATE_ACCOUNT);
  const fieldError = (name: string) => errors()[name] ?? describeError(state.error)?.fields[name];
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const found = collect({
      email: check.email(form.email),
      displayName: check.required(form.displayName, 'Enter the name people see.'),
      password: check.minLength(form.password, 10),
      roles: form.roles.length ? null : 'Choose at least one role.',
    });
    setErrors(found);
    if (Object.keys(found).length) return;
    const facilityIds = (session.account()?.facilities ?? []).map((f) => f.id);
    const result = await create({
      input: { email: form.email.trim(), displayName: form.displayName.trim(), password: form.password, roles: form.roles, facilityIds },
    });
    if (result.data) {
      setForm({ email: '', displayName: '', password: '', roles: [] });
      props.onCreated();
    }
  };
  return (
    <form onSubmit={submit} aria-label="Create a staff account" class="card" novalidate>
      <h2>New staff account</h2>
      <div class="row">
        <Field label="E-mail" error={fieldError('email')}>
          {(c) => <input {...c} type="email" value={form.email} onInput={(e) => setForm('email', e.currentTarget.value)} />}
        </Field>
        <Field label="Name" error={fieldError('displayName')}>
          {(c) => <input {...c} value={form.displayName} onInput={(e) => setForm('displayName', e.currentTarget.value)} />}
        </Field>
        <Field label="Initial password" error={fieldError('password')}>
          {(c) => (
            <input {...c} type="password" autocomplete="new-password" value={form.password} onInput={(e) => setForm('password', e.currentTarget.value)} />
          )}
        </Field>
      </div>
      <fieldset class="checks">
        <legend>Roles</legend>
        <For each={grantableRoles(session.account()?.roles ?? [])}>
          {(role) => (
            <label>
              <input
                type="checkbox"
                checked={form.roles.includes(role)}
                onChange={(e) => setForm('roles', (r) => (e.currentTarget.checked ? [...r, role] : r.filter((x) => x !== role)))}
              />{' '}
              {ROLE[role]}
            </label>
          )}
        </For>
      </fieldset>
      <ErrorNotice error={errors().roles ?? state.error} />
      <button type="submit" disabled={state.fetching}>
        Create account
      </button>
      <Status when={state.data}>Account created.</Status>
    </form>
  );
}
