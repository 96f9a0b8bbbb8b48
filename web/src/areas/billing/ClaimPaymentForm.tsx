import { createMutation } from '@urql/solid';
import { createSignal } from 'solid-js';
import { formatMoney, parseMoney } from '../../lib/format.ts';
import { collect } from '../../lib/validate.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import type { ClaimInfo } from './claim-queries.ts';
import { RECORD_CLAIM_PAYMENT } from './claim-queries.ts';

/** Marks an approved claim paid: what the payer sent and their remittance reference. */
export function ClaimPaymentForm(props: { claim: ClaimInfo; onDone: () => void }) {
  const due = () => (props.claim.approvedMinor ?? 0) - props.claim.paidMinor;
  const [amount, setAmount] = createSignal('');
  const [reference, setReference] = createSignal('');
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [state, pay] = createMutation(RECORD_CLAIM_PAYMENT);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const minor = parseMoney(amount(), props.claim.currency);
    const found = collect({
      amount: minor === null || minor <= 0 || minor > due() ? `Enter up to ${formatMoney(due(), props.claim.currency)}.` : null,
      reference: reference().trim() ? null : 'The payer’s remittance reference is needed.',
    });
    setErrors(found);
    if (Object.keys(found).length || minor === null) return;
    const result = await pay({ claimId: props.claim.id, amountMinor: minor, reference: reference().trim() });
    if (result.data) props.onDone();
  };
  return (
    <form onSubmit={submit} aria-label={`Payment for ${props.claim.number}`} novalidate>
      <Field
        label={`Amount received (${props.claim.currency})`}
        hint={`Due from the payer: ${formatMoney(due(), props.claim.currency)}`}
        error={errors().amount}
      >
        {(c) => <input {...c} inputmode="decimal" value={amount()} onInput={(e) => setAmount(e.currentTarget.value)} />}
      </Field>
      <Field label="Remittance reference" error={errors().reference}>
        {(c) => <input {...c} value={reference()} onInput={(e) => setReference(e.currentTarget.value)} />}
      </Field>
      <ErrorNotice error={state.error} />
      <button type="submit" disabled={state.fetching}>
        Mark paid
      </button>
    </form>
  );
}
