import { createMutation } from '@urql/solid';
import { createSignal } from 'solid-js';
import { createStore } from 'solid-js/store';
import { describeError } from '../../lib/errors.ts';
import { check, collect } from '../../lib/validate.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { ADD_INSURANCE_DETAIL } from './account-queries.ts';

/** Records the insurance card a patient shows at the desk (payer, member number, group, valid until). */
export function InsuranceDetailForm(props: { patientId: string }) {
  const blank = { payer: '', memberId: '', groupNumber: '', validUntil: '' };
  const [form, setForm] = createStore({ ...blank });
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [state, add] = createMutation(ADD_INSURANCE_DETAIL);
  const fields = () => ({ ...(describeError(state.error)?.fields ?? {}), ...errors() });
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const found = collect({ payer: check.required(form.payer, 'Name the insurer.'), memberId: check.required(form.memberId, 'Enter the member number.') });
    setErrors(found);
    if (Object.keys(found).length) return;
    const r = await add({
      patientId: props.patientId,
      input: {
        payer: form.payer.trim(),
        memberId: form.memberId.trim(),
        ...(form.groupNumber.trim() ? { groupNumber: form.groupNumber.trim() } : {}),
        ...(form.validUntil ? { validUntil: form.validUntil } : {}),
      },
    });
    if (r.data) setForm({ ...blank });
  };
  return (
    <form onSubmit={submit} aria-label="Add insurance card" class="row" novalidate>
      <Field label="Insurer" error={fields().payer}>
        {(c) => <input {...c} value={form.payer} onInput={(e) => setForm('payer', e.currentTarget.value)} />}
      </Field>
      <Field label="Member number" error={fields().memberId}>
        {(c) => <input {...c} value={form.memberId} onInput={(e) => setForm('memberId', e.currentTarget.value)} />}
      </Field>
      <Field label="Group number" error={fields().groupNumber}>
        {(c) => <input {...c} value={form.groupNumber} onInput={(e) => setForm('groupNumber', e.currentTarget.value)} />}
      </Field>
      <Field label="Valid until" error={fields().validUntil}>
        {(c) => <input {...c} type="date" value={form.validUntil} onInput={(e) => setForm('validUntil', e.currentTarget.value)} />}
      </Field>
      <button type="submit" disabled={state.fetching}>
        Add card
      </button>
      <ErrorNotice error={Object.keys(errors()).length ? null : state.error} />
    </form>
  );
}
