import { createMutation } from '@urql/solid';
import { createSignal, For } from 'solid-js';
import { createStore } from 'solid-js/store';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { type PurchaseOrderInfo, RECEIVE_PO } from './po-queries.ts';

/** Receives what arrived on an order into lots (number and expiry per line). */
export function ReceiveForm(props: { order: PurchaseOrderInfo; onDone: () => void }) {
  const open = () => props.order.lines.filter((l) => l.outstanding > 0);
  const [lines, setLines] = createStore<Record<string, { quantity: string; lotNumber: string; expiresOn: string }>>(
    Object.fromEntries(open().map((l) => [l.id, { quantity: String(l.outstanding), lotNumber: '', expiresOn: '' }])),
  );
  const [invalid, setInvalid] = createSignal<string | null>(null);
  const [state, receive] = createMutation(RECEIVE_PO);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const chosen = open()
      .map((l) => ({ line: l, ...lines[l.id]! }))
      .filter((l) => Number(l.quantity) > 0);
    const bad = chosen.find((l) => !/^\d+$/.test(l.quantity) || !l.lotNumber.trim());
    setInvalid(bad ? `${bad.line.item.name}: enter a whole quantity and the lot number.` : chosen.length ? null : 'Enter what arrived.');
    if (invalid()) return;
    const result = await receive({
      input: {
        purchaseOrderId: props.order.id,
        lines: chosen.map((l) => ({
          lineId: l.line.id,
          quantity: Number(l.quantity),
          lotNumber: l.lotNumber.trim(),
          ...(l.expiresOn ? { expiresOn: l.expiresOn } : {}),
        })),
      },
    });
    if (result.data) props.onDone();
  };
  return (
    <form onSubmit={submit} aria-label={`Receive ${props.order.number}`} novalidate class="receive">
      <For each={open()}>
        {(l) => (
          <fieldset class="row">
            <legend>{l.item.name}</legend>
            <Field label="Quantity">
              {(c) => <input {...c} inputmode="numeric" value={lines[l.id]!.quantity} onInput={(e) => setLines(l.id, 'quantity', e.currentTarget.value)} />}
            </Field>
            <Field label="Lot number">
              {(c) => <input {...c} value={lines[l.id]!.lotNumber} onInput={(e) => setLines(l.id, 'lotNumber', e.currentTarget.value)} />}
            </Field>
            <Field label="Expires on">
              {(c) => <input {...c} type="date" value={lines[l.id]!.expiresOn} onInput={(e) => setLines(l.id, 'expiresOn', e.currentTarget.value)} />}
            </Field>
          </fieldset>
        )}
      </For>
      <ErrorNotice error={invalid() ?? state.error} />
      <button type="submit" disabled={state.fetching}>
        Receive
      </button>
    </form>
  );
}
