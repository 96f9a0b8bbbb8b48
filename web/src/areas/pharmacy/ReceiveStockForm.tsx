import { createMutation } from '@urql/solid';
import { createSignal, For } from 'solid-js';
import { describeError } from '../../lib/errors.ts';
import { check, collect } from '../../lib/validate.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { MAX_UNITS, useItems, useSuppliers } from './catalogue.ts';
import type { LocationInfo } from './locations.ts';
import { RECEIVE_STOCK, unitsWithin } from './stock-ops.ts';

/** Kinds of item the API receives only with an expiry date. */
const EXPIRING_KINDS = new Set(['MEDICINE', 'REAGENT']);

/** A delivery without a purchase order (a donation, an opening balance): into a lot at a location, with its document. */
export function ReceiveStockForm(props: { locations: readonly LocationInfo[]; today: string; onDone: (message: string) => void }) {
  const items = useItems();
  const suppliers = useSuppliers();
  const [itemId, setItemId] = createSignal('');
  const [locationId, setLocationId] = createSignal('');
  const [lotNumber, setLotNumber] = createSignal('');
  const [expiresOn, setExpiresOn] = createSignal('');
  const [quantity, setQuantity] = createSignal('');
  const [supplierId, setSupplierId] = createSignal('');
  const [reference, setReference] = createSignal('');
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [state, receive] = createMutation(RECEIVE_STOCK);
  const fieldError = (name: string) => errors()[name] ?? describeError(state.error)?.fields[name];
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const n = unitsWithin(quantity(), MAX_UNITS);
    const found = collect({
      itemId: itemId() ? null : 'Choose the item.',
      locationId: locationId() ? null : 'Choose where it is put away.',
      lotNumber: check.required(lotNumber(), 'Enter the lot number on the pack.'),
      expiresOn: expiresOn()
        ? expiresOn() <= props.today
          ? 'This lot has already expired; do not receive it.'
          : null
        : EXPIRING_KINDS.has(items().find((i) => i.id === itemId())?.kind ?? '')
          ? 'Enter the expiry date printed on the pack.'
          : null,
      quantity: n === null ? `Enter 1 to ${MAX_UNITS.toLocaleString('en')} units.` : null,
      reference: check.required(reference(), 'Enter the delivery note or other document.'),
    });
    setErrors(found);
    if (Object.keys(found).length || n === null) return;
    const result = await receive({
      input: {
        itemId: itemId(),
        locationId: locationId(),
        lotNumber: lotNumber().trim(),
        quantity: n,
        reference: reference().trim(),
        ...(expiresOn() ? { expiresOn: expiresOn() } : {}),
        ...(supplierId() ? { supplierId: supplierId() } : {}),
      },
    });
    if (!result.data) return;
    const item = items().find((i) => i.id === itemId());
    setLotNumber('');
    setExpiresOn('');
    setQuantity('');
    setReference('');
    props.onDone(`Received ${n} ${item?.unit ?? 'units'} of ${item?.name ?? 'the item'}.`);
  };
  return (
    <form onSubmit={submit} aria-label="Receive stock without an order" novalidate>
      <div class="row">
        <Field label="Item" error={fieldError('itemId')}>
          {(c) => (
            <select {...c} value={itemId()} onChange={(e) => setItemId(e.currentTarget.value)}>
              <option value="">Choose…</option>
              <For each={items()}>{(i) => <option value={i.id}>{i.name}</option>}</For>
            </select>
          )}
        </Field>
        <Field label="Put away at" error={fieldError('locationId')}>
          {(c) => (
            <select {...c} value={locationId()} onChange={(e) => setLocationId(e.currentTarget.value)}>
              <option value="">Choose…</option>
              <For each={props.locations}>{(l) => <option value={l.id}>{l.name}</option>}</For>
            </select>
          )}
        </Field>
        <Field label="Units received" error={fieldError('quantity')}>
          {(c) => <input {...c} type="number" min="1" max={MAX_UNITS} step="1" value={quantity()} onInput={(e) => setQuantity(e.currentTarget.value)} />}
        </Field>
      </div>
      <div class="row">
        <Field label="Lot number" error={fieldError('lotNumber')}>
          {(c) => <input {...c} maxLength={60} value={lotNumber()} onInput={(e) => setLotNumber(e.currentTarget.value)} />}
        </Field>
        <Field label="Expires on" hint="Required for medicines and reagents." error={fieldError('expiresOn')}>
          {(c) => <input {...c} type="date" min={props.today} value={expiresOn()} onInput={(e) => setExpiresOn(e.currentTarget.value)} />}
        </Field>
        <Field label="Supplier (optional)" error={fieldError('supplierId')}>
          {(c) => (
            <select {...c} value={supplierId()} onChange={(e) => setSupplierId(e.currentTarget.value)}>
              <option value="">None</option>
              <For each={suppliers()}>{(s) => <option value={s.id}>{s.name}</option>}</For>
            </select>
          )}
        </Field>
        <Field label="Delivery note or document" error={fieldError('reference')}>
          {(c) => <input {...c} maxLength={100} value={reference()} onInput={(e) => setReference(e.currentTarget.value)} />}
        </Field>
      </div>
      <ErrorNotice error={state.error} />
      <button type="submit" disabled={state.fetching}>
        Receive
      </button>
    </form>
  );
}
