import { createMutation } from '@urql/solid';
import { createSignal } from 'solid-js';
import { collect } from '../../lib/validate.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { type LotBalance, unitsWithin, WRITE_OFF_STOCK } from './stock-ops.ts';

/** Takes damaged or expired units off the books; an expiry write-off needs no reason, any other does. */
export function WriteOffForm(props: { balance: LotBalance; today: string; onDone: (message: string) => void }) {
  const expired = () => !!props.balance.lot.expiresOn && props.balance.lot.expiresOn <= props.today;
  const [quantity, setQuantity] = createSignal('');
  const [reason, setReason] = createSignal('');
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [state, writeOff] = createMutation(WRITE_OFF_STOCK);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const all = !quantity().trim();
    const n = all ? props.balance.quantity : unitsWithin(quantity(), props.balance.quantity);
    const found = collect({
      quantity: n === null ? `Enter 1 to ${props.balance.quantity} units, or leave empty for all.` : null,
      reason: !expired() && !reason().trim() ? 'Say why, e.g. "broken vial".' : null,
    });
    setErrors(found);
    if (Object.keys(found).length) return;
    const result = await writeOff({
      input: {
        lotId: props.balance.lot.id,
        locationId: props.balance.location.id,
        ...(all ? {} : { quantity: n }),
        ...(expired() ? { expired: true } : {}),
        ...(reason().trim() ? { reason: reason().trim() } : {}),
      },
    });
    if (result.data) props.onDone(`Wrote off ${n} ${props.balance.item.unit}.`);
  };
  return (
    <form onSubmit={submit} aria-label="Write off stock" novalidate>
      <p>{expired() ? 'This lot has expired: an expiry write-off.' : 'The lot has not expired: give a reason.'}</p>
      <Field label="Units to write off" hint="Empty: everything here." error={errors().quantity}>
        {(c) => <input {...c} inputmode="numeric" value={quantity()} onInput={(e) => setQuantity(e.currentTarget.value)} />}
      </Field>
      <Field label={expired() ? 'Reason (optional)' : 'Reason'} error={errors().reason}>
        {(c) => <input {...c} value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />}
      </Field>
      <ErrorNotice error={state.error} />
      <button type="submit" class="danger" disabled={state.fetching}>
        Write off
      </button>
    </form>
  );
}
