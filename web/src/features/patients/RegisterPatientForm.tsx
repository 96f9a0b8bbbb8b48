import { A } from '@solidjs/router';
import { createMutation } from '@urql/solid';
import { createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { useApp } from '../../lib/app-context.ts';
import { describeError } from '../../lib/errors.ts';
import { formatDate } from '../../lib/format.ts';
import { graphql, readFragment, type VariablesOf } from '../../lib/graphql.ts';
import { birthDateBounds, check, collect } from '../../lib/validate.ts';
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

/** The existing patients the API found with the same name, date of birth and phone (DUPLICATE_SUSPECTED). */
const candidatesOf = (error: { graphQLErrors: { extensions?: Record<string, unknown> }[] } | undefined): PatientSummary[] => {
  const first = error?.graphQLErrors[0]?.extensions;
  return first?.code === 'DUPLICATE_SUSPECTED' ? ((first.candidates as PatientSummary[] | undefined) ?? []) : [];
};

/** Where an admin merges the records the warning found: the first is proposed as the one kept. */
const mergeLink = (found: PatientSummary[]) => {
  const [keep, merge] = found;
  return `/admin/merge-patients?keep=${encodeURIComponent(keep?.id ?? '')}${merge ? `&merge=${encodeURIComponent(merge.id)}` : ''}`;
};

/**
 * Registers a patient at the desk (no account); the API gives the MRN. When the patient looks already
 * registered, the desk opens the existing record or confirms that this is someone else.
 */
export function RegisterPatientForm(props: { facilityId?: string; onRegistered?: (p: PatientSummary) => void; onOpenExisting?: (p: PatientSummary) => void }) {
  const [form, setForm] = createStore(empty());
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [created, setCreated] = createSignal<PatientSummary | null>(null);
  const [state, create] = createMutation(CREATE_PATIENT);
  const fieldError = (name: string) => errors()[name] ?? describeError(state.error)?.fields[name];
  const candidates = () => candidatesOf(state.error);
  const { session } = useApp();
  const isAdmin = () => session.account()?.roles.includes('ADMIN') ?? false;
  const bounds = birthDateBounds();

  const register = async (confirmNotDuplicate: boolean) => {
    setCreated(null);
    const found = collect({
      givenName: check.required(form.givenName, 'Enter the first name.'),
      familyName: check.required(form.familyName, 'Enter the last name.'),
      dateOfBirth: check.birthDate(form.dateOfBirth),
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
        ...(confirmNotDuplicate ? { confirmNotDuplicate } : {}),
      },
    });
    if (!result.data) return;
    const patient = readFragment(PATIENT_SUMMARY_FIELDS, result.data.createPatient);
    setCreated(patient);
    setForm(empty());
    props.onRegistered?.(patient);
  };
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    void register(false);
  };

  const text = (name: 'givenName' | 'familyName' | 'dateOfBirth' | 'phone' | 'email', label: string, type = 'text') => (
    <Field label={label} error={fieldError(name)}>
      {(c) => <input {...c} type={type} {...(type === 'date' ? bounds : {})} value={form[name]} onInput={(e) => setForm(name, e.currentTarget.value)} />}
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
      <Show when={candidates().length}>
        <section aria-label="Possibly the same patient" class="notice">
          <ul>
            <For each={candidates()}>
              {(p) => (
                <li>
                  {p.displayName} · MRN {p.mrn} · born {formatDate(p.dateOfBirth)} · {p.phone ?? 'no phone'}{' '}
                  <Show when={props.onOpenExisting}>
                    {(open) => (
                      <button type="button" onClick={() => open()(p)}>
                        Open {p.displayName}
                      </button>
                    )}
                  </Show>
                </li>
              )}
            </For>
          </ul>
          <button type="button" disabled={state.fetching} onClick={() => register(true)}>
            Register anyway: this is someone else
          </button>
          <Show when={isAdmin()}>
            <p>
              Already registered twice? <A href={mergeLink(candidates())}>Merge duplicate records</A>
            </p>
          </Show>
        </section>
      </Show>
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
