import { createMutation } from '@urql/solid';
import { createSignal } from 'solid-js';
import { parseMoney } from '../../lib/format.ts';
import { check, collect } from '../../lib/validate.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { CREATE_POLICY } from './insurance-queries.ts';

/** Adds an insurance policy for a patient: the payer covers a percentage of each line, or all but a copay. */
export function PolicyForm(props: { patientId: string; currency: string; onSaved: () => void }) {
  const [payer, setPayer] = createSignal('');
  const [memberId, setMemberId] = createSignal('');
  const [kind, setKind] = createSignal<'COVERAGE' | 'COPAY'>('COVERAGE');
  const [amount, setAmount] = createSignal('');
  const [validFrom, setValidFrom] = createSignal('');
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [state, create] = createMutation(CREATE_POLICY);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const percent = /^\d+(\.\d{1,2})?$/.test(amount().trim()) && Number(amount()) <= 100 ? Math.round(Number(amount()) * 100) : null;
    const copay = parseMoney(amount(), props.currency);
    const found = collect({
      payer: check.required(payer(), 'Name the insurer.'),
      memberId: check.required(memberId(), 'The member ID is on the card.'),
      amount: kind() === 'COVERAGE' ? (percent === null ? 'Enter a percentage from 0 to 100.' : null) : copay === null ? 'Enter the copay, e.g. 20.00.' : null,
      validFrom: /^\d{4}-\d{2}-\d{2}$/.test(validFrom()) ? null : 'Enter the date cover starts.',
    });
    setErrors(found);
    if (Object.keys(found).length) return;
    const result = await create({
      input: {
        patientId: props.patientId,
        payer: payer().trim(),
        memberId: memberId().trim(),
        currency: props.currency,
        validFrom: validFrom(),
        ...(kind() === 'COVERAGE' ? { coverageBasisPoints: percent } : { copayMinor: copay }),
      },
    });
    if (!result.data) return;
    setPayer('');
    setMemberId('');
    setAmount('');
    props.onSaved();
  };
  return (
    <form onSubmit={submit} aria-label="Add insurance policy" novalidate>
      <h3>Add a policy</h3>
      <Field label="Insurer" error={errors().payer}>
        {(c) => <input {...c} value={payer()} onInput={(e) => setPayer(e.currentTarget.value)} />}
      </Field>
      <Field label="Member ID" error={errors().memberId}>
        {(c) => <input {...c} value={memberId()} onInput={(e) => setMemberId(e.currentTarget.value)} />}
      </Field>
      <Field label="Cover">
        {(c) => (
          <select {...c} value={kind()} onChange={(e) => setKind(e.currentTarget.value as 'COVERAGE' | 'COPAY')}>
            <option value="COVERAGE">Percentage of each line</option>
            <option value="COPAY">All but a copay per claim</option>
          </select>
        )}
      </Field>
      <Field label={kind() === 'COVERAGE' ? 'Covered (%)' : `Copay (${props.currency})`} error={errors().amount}>
        {(c) => <input {...c} inputmode="decimal" value={amount()} onInput={(e) => setAmount(e.currentTarget.value)} />}
      </Field>
      <Field label="Cover starts" error={errors().validFrom}>
        {(c) => <input {...c} type="date" value={validFrom()} onInput={(e) => setValidFrom(e.currentTarget.value)} />}
      </Field>
      <ErrorNotice error={state.error} />
      <button type="submit" disabled={state.fetching}>
        Add policy
      </button>
    </form>
  );
}
