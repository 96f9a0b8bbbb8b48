import { createMutation, createQuery } from '@urql/solid';
import { createSignal, For } from 'solid-js';
import { describeError } from '../../lib/errors.ts';
import type { VariablesOf } from '../../lib/graphql.ts';
import { collect } from '../../lib/validate.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { Status } from '../../ui/Status.tsx';
import { CREATE_REFERRAL, REFERRAL_PROVIDERS } from './referral-queries.ts';

type Urgency = NonNullable<VariablesOf<typeof CREATE_REFERRAL>['urgency']>;

/** Refers the patient of an open encounter to a named provider or to a specialty/department. */
export function ReferralForm(props: { encounterId: string; onCreated: () => void }) {
  const [providers] = createQuery({ query: REFERRAL_PROVIDERS });
  const [providerId, setProviderId] = createSignal('');
  const [specialty, setSpecialty] = createSignal('');
  const [reason, setReason] = createSignal('');
  const [urgency, setUrgency] = createSignal<Urgency>('ROUTINE');
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [state, create] = createMutation(CREATE_REFERRAL);
  const error = (name: string) => errors()[name] ?? describeError(state.error)?.fields[name];
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const found = collect({
      toSpecialty: providerId() || specialty().trim() ? null : 'Choose a provider or name a specialty or department.',
      reason: reason().trim().length >= 3 ? null : 'Give a reason of at least 3 characters.',
    });
    setErrors(found);
    if (Object.keys(found).length) return;
    const result = await create({
      encounterId: props.encounterId,
      toProviderId: providerId() || null,
      toSpecialty: specialty().trim() || null,
      reason: reason().trim(),
      urgency: urgency(),
    });
    if (result.data) {
      setProviderId('');
      setSpecialty('');
      setReason('');
      props.onCreated();
    }
  };
  return (
    <form onSubmit={submit} aria-label="Refer the patient" novalidate>
      <div class="row">
        <Field label="To a provider" error={error('toProviderId')}>
          {(c) => (
            <select {...c} value={providerId()} onChange={(e) => setProviderId(e.currentTarget.value)}>
              <option value="">No one in particular</option>
              <For each={providers.data?.providers ?? []}>
                {(p) => (
                  <option value={p.id}>
                    {p.displayName} ({p.specialty})
                  </option>
                )}
              </For>
            </select>
          )}
        </Field>
        <Field label="Specialty or department" error={error('toSpecialty')}>
          {(c) => <input {...c} value={specialty()} onInput={(e) => setSpecialty(e.currentTarget.value)} />}
        </Field>
      </div>
      <Field label="Reason for referral" error={error('reason')}>
        {(c) => <textarea {...c} rows={2} value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />}
      </Field>
      <Field label="Urgency" error={error('urgency')}>
        {(c) => (
          <select {...c} value={urgency()} onChange={(e) => setUrgency(e.currentTarget.value as Urgency)}>
            <option value="ROUTINE">Routine</option>
            <option value="URGENT">Urgent</option>
            <option value="EMERGENCY">Emergency</option>
          </select>
        )}
      </Field>
      <ErrorNotice error={state.error} />
      <button type="submit" disabled={state.fetching}>
        Send referral
      </button>
      <Status when={state.data}>Referral sent.</Status>
    </form>
  );
}
