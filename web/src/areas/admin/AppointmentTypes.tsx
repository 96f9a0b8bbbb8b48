import { createMutation, createQuery } from '@urql/solid';
import { createSignal, For } from 'solid-js';
import { graphql, readFragment, type VariablesOf } from '../../lib/graphql.ts';
import { BOOKING_POLICY } from '../../lib/labels/people.ts';
import { check, collect } from '../../lib/validate.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';

const TYPE_FIELDS = graphql(`
  fragment AppointmentTypeRow on AppointmentType {
    id code name durationMinutes bufferBeforeMinutes bufferAfterMinutes bookingPolicy active providers { id displayName }
  }
`);

export const ALL_TYPES = graphql(
  `
  query AllAppointmentTypes {
    appointmentTypes(includeInactive: true) { ...AppointmentTypeRow }
  }
`,
  [TYPE_FIELDS],
);

export const CREATE_TYPE = graphql(
  `
  mutation CreateAppointmentType($input: CreateAppointmentTypeInput!) {
    createAppointmentType(input: $input) { ...AppointmentTypeRow }
  }
`,
  [TYPE_FIELDS],
);

export const UPDATE_TYPE = graphql(
  `
  mutation UpdateAppointmentType($id: ID!, $input: UpdateAppointmentTypeInput!) {
    updateAppointmentType(id: $id, input: $input) { ...AppointmentTypeRow }
  }
`,
  [TYPE_FIELDS],
);

type Policy = NonNullable<VariablesOf<typeof CREATE_TYPE>['input']['bookingPolicy']>;
const POLICIES: readonly Policy[] = ['PATIENT_INSTANT', 'PATIENT_REQUEST', 'STAFF_ONLY'];

/** Appointment types: who books them how, for how long; retire or add one. */
export function AppointmentTypes() {
  const [result, refetch] = createQuery({ query: ALL_TYPES });
  const [updated, update] = createMutation(UPDATE_TYPE);
  const [created, create] = createMutation(CREATE_TYPE);
  const [code, setCode] = createSignal('');
  const [name, setName] = createSignal('');
  const [minutes, setMinutes] = createSignal('20');
  const [policy, setPolicy] = createSignal<Policy>('PATIENT_INSTANT');
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const found = collect({ code: check.required(code()), name: check.required(name()), minutes: check.positiveInt(minutes()) });
    setErrors(found);
    if (Object.keys(found).length) return;
    const r = await create({ input: { code: code().trim().toUpperCase(), name: name().trim(), durationMinutes: Number(minutes()), bookingPolicy: policy() } });
    if (!r.data) return;
    setCode('');
    setName('');
    refetch({ requestPolicy: 'network-only' });
  };
  return (
    <section class="card" aria-label="Appointment types">
      <h2>Appointment types</h2>
      <Loaded result={result}>
        {(data) => (
          <ScrollTable label="Appointment types">
            <table>
              <thead>
                <tr>
                  <th scope="col">Type</th>
                  <th scope="col">Minutes</th>
                  <th scope="col">Booking</th>
                  <th scope="col">Offered by</th>
                  <th scope="col">Active</th>
                </tr>
              </thead>
              <tbody>
                <For each={readFragment(TYPE_FIELDS, data().appointmentTypes)}>
                  {(t) => (
                    <tr>
                      <th scope="row">
                        {t.name} <small>{t.code}</small>
                      </th>
                      <td class="number">{t.durationMinutes}</td>
                      <td>{BOOKING_POLICY[t.bookingPolicy]}</td>
                      <td>{t.providers.map((p) => p.displayName).join(', ') || '—'}</td>
                      <td>
                        <input
                          type="checkbox"
                          aria-label={`${t.name} active`}
                          checked={t.active}
                          onChange={(e) => update({ id: t.id, input: { active: e.currentTarget.checked } })}
                        />
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </ScrollTable>
        )}
      </Loaded>
      <ErrorNotice error={updated.error} />
      <form onSubmit={submit} aria-label="Add an appointment type" class="row" novalidate>
        <Field label="Code" error={errors().code}>
          {(c) => <input {...c} value={code()} onInput={(e) => setCode(e.currentTarget.value)} />}
        </Field>
        <Field label="Name" error={errors().name}>
          {(c) => <input {...c} value={name()} onInput={(e) => setName(e.currentTarget.value)} />}
        </Field>
        <Field label="Minutes" error={errors().minutes}>
          {(c) => <input {...c} inputmode="numeric" value={minutes()} onInput={(e) => setMinutes(e.currentTarget.value)} />}
        </Field>
        <Field label="Booking">
          {(c) => (
            <select {...c} value={policy()} onChange={(e) => setPolicy(e.currentTarget.value as Policy)}>
              <For each={POLICIES}>
                {(p) => (
                  <option value={p} selected={p === policy()}>
                    {BOOKING_POLICY[p]}
                  </option>
                )}
              </For>
            </select>
          )}
        </Field>
        <button type="submit" disabled={created.fetching}>
          Add type
        </button>
      </form>
      <ErrorNotice error={created.error} />
    </section>
  );
}
