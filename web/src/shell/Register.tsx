import { A, useNavigate } from '@solidjs/router';
import { createMutation } from '@urql/solid';
import { createSignal } from 'solid-js';
import { createStore } from 'solid-js/store';
import { useApp } from '../lib/app-context.ts';
import { AUTH_PAYLOAD } from '../lib/auth-payload.ts';
import { describeError } from '../lib/errors.ts';
import { graphql, readFragment, type VariablesOf } from '../lib/graphql.ts';
import { birthDateBounds, check, collect } from '../lib/validate.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { Field } from '../ui/Field.tsx';

export const REGISTER = graphql(
  `
  mutation RegisterPatient($input: RegisterPatientInput!) {
    registerPatient(input: $input) { ...AuthPayloadFields }
  }
`,
  [AUTH_PAYLOAD],
);

type Sex = VariablesOf<typeof REGISTER>['input']['sex'];

const SEXES = [
  ['FEMALE', 'Female'],
  ['MALE', 'Male'],
  ['INTERSEX', 'Intersex'],
  ['UNKNOWN', 'Prefer not to say'],
] as const;

/** Patient self-registration: creates the patient record and account, and signs them in. */
export function Register() {
  const { session } = useApp();
  const navigate = useNavigate();
  const [form, setForm] = createStore({ givenName: '', familyName: '', dateOfBirth: '', sex: 'UNKNOWN' as Sex, email: '', phone: '', password: '' });
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [state, register] = createMutation(REGISTER);
  const fieldError = (name: string) => errors()[name] ?? describeError(state.error)?.fields[name];

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const found = collect({
      givenName: check.required(form.givenName, 'Enter your first name.'),
      familyName: check.required(form.familyName, 'Enter your last name.'),
      dateOfBirth: check.birthDate(form.dateOfBirth),
      email: check.email(form.email),
      phone: check.phone(form.phone),
      password: check.minLength(form.password, 10),
    });
    setErrors(found);
    if (Object.keys(found).length) return;
    const { phone, ...rest } = form;
    const result = await register({ input: { ...rest, email: rest.email.trim(), ...(phone.trim() ? { phone: phone.trim() } : {}) } });
    if (!result.data) return;
    session.signIn(readFragment(AUTH_PAYLOAD, result.data.registerPatient));
    navigate('/portal', { replace: true });
  };

  const text = (name: keyof typeof form, label: string, type = 'text', autocomplete?: string) => (
    <Field label={label} error={fieldError(name)}>
      {(c) => (
        <input
          {...c}
          type={type}
          {...(type === 'date' ? birthDateBounds() : {})}
          name={name}
          autocomplete={autocomplete}
          value={form[name]}
          onInput={(e) => setForm(name, e.currentTarget.value)}
        />
      )}
    </Field>
  );

  return (
    <section class="page narrow">
      <form onSubmit={submit} aria-label="Create your account" novalidate>
        <h1>Create your patient account</h1>
        {text('givenName', 'First name', 'text', 'given-name')}
        {text('familyName', 'Last name', 'text', 'family-name')}
        {text('dateOfBirth', 'Date of birth', 'date', 'bday')}
        <Field label="Sex">
          {(c) => (
            <select {...c} name="sex" value={form.sex} onChange={(e) => setForm('sex', e.currentTarget.value as Sex)}>
              {SEXES.map(([value, label]) => (
                <option value={value} selected={value === form.sex}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {text('email', 'E-mail', 'email', 'email')}
        {text('phone', 'Phone (optional)', 'tel', 'tel')}
        {text('password', 'Password (at least 10 characters)', 'password', 'new-password')}
        <ErrorNotice error={state.error} />
        <button type="submit" disabled={state.fetching}>
          {state.fetching ? 'Creating…' : 'Create account'}
        </button>
        <p>
          Already registered? <A href="/sign-in">Sign in</A>
        </p>
      </form>
    </section>
  );
}
