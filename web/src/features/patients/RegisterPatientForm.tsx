import { createMutation } from '@urql/solid';
import { createSignal, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { describeError } from '../../lib/errors.ts';
import { graphql, readFragment, type VariablesOf } from '../../lib/graphql.ts';
import { check, collect } from '../../lib/validate.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { Status } from '../../ui/Status.tsx';
import { PATIENT_SUMMARY_FIELDS, type PatientSummary } from './PatientPicker.tsx';

export const CREATE_PATIENT = graphql(
  `
  mutation CreatePatient($input: CreatePatientInput!) {
    createPatient(input: $input) { ...PatientSummaryFields }
  }
`,
  [PATIENT_SUMMARY_FIELDS],
);

type Sex = VariablesOf<typeof CREATE_PATIENT>['input']['sex'];

const empty = () => ({ givenName: '', familyName: '', dateOfBirth: '', sex: 'UNKNOWN' as Sex, phone: '', email: '' });

/** Registers a patient at the desk (no account); the API gives the MRN. */
export function RegisterPatientForm(props: { facilityId?: string; onRegistered?: (p: PatientSummary) => void }) {
  const [form, setForm] = createStore(empty());
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [created, setCreated] = createSignal<PatientSummary | null>(null);
  const [state, create] = createMutation(CREATE_PATIENT);
  const fieldError = (name: string) => errors()[name] ?? describeError(state.error)?.fields[name];

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setCreated(null);
    const found = collect({
      givenName: check.required(form.givenName, 'Enter the first name.'),
      familyName: check.required(form.familyName, 'Enter the last name.'),
      dateOfBirth: check.pastDate(form.dateOfBirth),
      phone: check.phone(form.phone),
      email: form.email.trim() ? check.email(form.email) : null,
    });
    setErrors(found);
    if (Object.keys(found).length) return;
    const optional = Object.fromEntries(Object.entries({ phone: form.phone.trim(), email: form.email.trim() }).filter(([, v]) => v));
    const result = await create({
      input: {
        givenName: form.givenName.trim(),
        familyName: form.familyName.trim(),
        dateOfBirth: form.dateOfBirth,
        sex: form.sex,
        ...optional,
        ...(props.facilityId ? { registeredFacilityId: props.facilityId } : {}),
      },
    });
    if (!result.data) return;
    const patient = readFragment(PATIENT_SUMMARY_FIELDS, result.data.createPatient);
    setCreated(patient);
    setForm(empty());
    props.onRegistered?.(patient);
  };

  const text = (name: 'givenName' | 'familyName' | 'dateOfBirth' | 'phone' | 'email', label: string, type = 'text') => (
    <Field label={label} error={fieldError(name)}>
      {(c) => <input {...c} type={type} value={form[name]} onInput={(e) => setForm(name, e.currentTarget.value)} />}
    </Field>
  );

  return (
    <form onSubmit={submit} aria-label="Register a patient" novalidate class="card">
      <h2>Register a patient</h2>
      <div class="row">
        {text('givenName', 'First name')}
        {text('familyName', 'Last name')}
        {text('dateOfBirth', 'Date of birth', 'date')}
        <Field label="Sex">
          {(c) => (
            <select {...c} value={form.sex} onChange={(e) => setForm('sex', e.currentTarget.value as Sex)}>
              <option value="FEMALE">Female</option>
              <option value="MALE">Male</option>
              <option value="INTERSEX">Intersex</option>
              <option value="UNKNOWN">Unknown</option>
            </select>
          )}
        </Field>
        {text('phone', 'Phone', 'tel')}
        {text('email', 'E-mail', 'email')}
      </div>
      <ErrorNotice error={state.error} />
      <button type="submit" disabled={state.fetching}>
        Register
      </button>
      <Show when={created()}>
        {(p) => (
          <Status when={true}>
            Registered {p().displayName} with MRN {p().mrn}.
          </Status>
        )}
      </Show>
    </form>
  );
}
