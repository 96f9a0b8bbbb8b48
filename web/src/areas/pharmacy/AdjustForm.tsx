import { createMutation } from '@urql/solid';
import { createSignal } from 'solid-js';
import { check, collect } from '../../lib/validate.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { ADJUST_STOCK, type LotBalance } from './stock-ops.ts';

/** Corrects a count: a signed change to one lot at one location, always with a reason. */
export function AdjustForm(props: { balance: LotBalance; onDone: (message: string) => void }) {
  const [change, setChange] = createSignal('');
  const [reason, setReason] = createSignal('');
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [state, adjust] = createMutation(ADJUST_STOCK);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const n = /^[+-]?\d+$/.test(change().trim()) ? Number(change()) : 0;
    const found = collect({
      change:
        n === 0
          ? 'Enter how many units to add (e.g. 5) or remove (e.g. -5).'
          : props.balance.quantity + n < 0
            ? `Only ${props.balance.quantity} on hand to remove.`
            : null,
      reason: check.required(reason(), 'Say why the count changes, e.g. "recount".'),
    });
    setErrors(found);
    if (Object.keys(found).length) return;
    const result = await adjust({ input: { lotId: props.balance.lot.id, locationId: props.balance.location.id, quantityChange: n, reason: reason().trim() } });
    if (result.data) props.onDone(`Adjusted by ${n > 0 ? '+' : ''}${n} ${props.balance.item.unit}.`);
  };
  return (
    <form onSubmit={submit} aria-label="Adjust stock" novalidate>
      <Field label="Change in units" hint="Positive adds, negative removes." error={errors().change}>
        {(c) => <input {...c} inputmode="numeric" value={change()} onInput={(e) => setChange(e.currentTarget.value)} />}
      </Field>
      <Field label="Reason" error={errors().reason}>
        {(c) => <input {...c} value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />}
      </Field>
      <ErrorNotice error={state.error} />
      <button type="submit" disabled={state.fetching}>
        Adjust
      </button>
    </form>
  );
}
