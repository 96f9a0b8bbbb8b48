import { createMutation } from '@urql/solid';
import { createSignal, For } from 'solid-js';
import { collect } from '../../lib/validate.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import type { LocationInfo } from './locations.ts';
import { type LotBalance, TRANSFER_STOCK, unitsWithin } from './stock-ops.ts';

/** Moves units of one lot to another location of the facility. */
export function TransferForm(props: { balance: LotBalance; locations: readonly LocationInfo[]; onDone: (message: string) => void }) {
  const targets = () => props.locations.filter((l) => l.id !== props.balance.location.id);
  const [to, setTo] = createSignal('');
  const [quantity, setQuantity] = createSignal('');
  const [reason, setReason] = createSignal('');
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [state, transfer] = createMutation(TRANSFER_STOCK);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const n = unitsWithin(quantity(), props.balance.quantity);
    const found = collect({
      to: to() ? null : 'Choose where the stock goes.',
      quantity: n === null ? `Enter 1 to ${props.balance.quantity} units.` : null,
    });
    setErrors(found);
    if (Object.keys(found).length || n === null) return;
    const result = await transfer({
      input: {
        fromLocationId: props.balance.location.id,
        toLocationId: to(),
        ...(reason().trim() ? { reason: reason().trim() } : {}),
        lines: [{ itemId: props.balance.item.id, lotId: props.balance.lot.id, quantity: n }],
      },
    });
    const target = targets().find((l) => l.id === to())?.name ?? 'the other location';
    if (result.data) props.onDone(`Moved ${n} ${props.balance.item.unit} to ${target}.`);
  };
  return (
    <form onSubmit={submit} aria-label="Transfer stock" novalidate>
      <Field label="To location" error={errors().to}>
        {(c) => (
          <select {...c} value={to()} onChange={(e) => setTo(e.currentTarget.value)}>
            <option value="">Choose…</option>
            <For each={targets()}>{(l) => <option value={l.id}>{l.name}</option>}</For>
          </select>
        )}
      </Field>
      <Field label="Units to move" error={errors().quantity}>
        {(c) => <input {...c} inputmode="numeric" value={quantity()} onInput={(e) => setQuantity(e.currentTarget.value)} />}
      </Field>
      <Field label="Reason (optional)">{(c) => <input {...c} value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />}</Field>
      <ErrorNotice error={state.error} />
      <button type="submit" disabled={state.fetching}>
        Transfer
      </button>
    </form>
  );
}
