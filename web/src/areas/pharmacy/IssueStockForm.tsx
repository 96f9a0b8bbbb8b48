import { createMutation } from '@urql/solid';
import { createSignal, For } from 'solid-js';
import { describeError } from '../../lib/errors.ts';
import { check, collect } from '../../lib/validate.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { MAX_UNITS, useItems } from './catalogue.ts';
import type { LocationInfo } from './locations.ts';
import { ISSUE_STOCK, unitsWithin } from './stock-ops.ts';

/** Issues units of an item to a department or ward, earliest expiry first (FEFO). */
export function IssueStockForm(props: { locations: readonly LocationInfo[]; onDone: (message: string) => void }) {
  const items = useItems();
  const [locationId, setLocationId] = createSignal('');
  const [itemId, setItemId] = createSignal('');
  const [quantity, setQuantity] = createSignal('');
  const [ward, setWard] = createSignal('');
  const [reason, setReason] = createSignal('');
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [state, issue] = createMutation(ISSUE_STOCK);
  const serverFields = () => describeError(state.error)?.fields ?? {};
  const fieldError = (name: string) => errors()[name] ?? serverFields()[name];
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const n = unitsWithin(quantity(), MAX_UNITS);
    const found = collect({
      locationId: locationId() ? null : 'Choose where the stock is taken from.',
      itemId: itemId() ? null : 'Choose the item.',
      quantity: n === null ? `Enter 1 to ${MAX_UNITS.toLocaleString('en')} units.` : null,
      ward: check.required(ward(), 'Name the department or ward that receives it.'),
    });
    setErrors(found);
    if (Object.keys(found).length || n === null) return;
    const result = await issue({
      input: {
        locationId: locationId(),
        ward: ward().trim(),
        ...(reason().trim() ? { reason: reason().trim() } : {}),
        lines: [{ itemId: itemId(), quantity: n }],
      },
    });
    const line = result.data?.issueStock.lines[0];
    if (!line) return;
    setQuantity('');
    props.onDone(`Issued ${line.quantity} ${line.item.unit} of ${line.item.name} to ${ward().trim()} from ${line.allocations.length} lot(s).`);
  };
  return (
    <form onSubmit={submit} aria-label="Issue stock to a ward" novalidate>
      <div class="row">
        <Field label="Take from" error={fieldError('locationId')}>
          {(c) => (
            <select {...c} value={locationId()} onChange={(e) => setLocationId(e.currentTarget.value)}>
              <option value="">Choose…</option>
              <For each={props.locations}>{(l) => <option value={l.id}>{l.name}</option>}</For>
            </select>
          )}
        </Field>
        <Field label="Item" error={fieldError('itemId')}>
          {(c) => (
            <select {...c} value={itemId()} onChange={(e) => setItemId(e.currentTarget.value)}>
              <option value="">Choose…</option>
              <For each={items()}>{(i) => <option value={i.id}>{i.name}</option>}</For>
            </select>
          )}
        </Field>
        <Field label="Units to issue" error={fieldError('quantity')}>
          {(c) => <input {...c} type="number" min="1" max={MAX_UNITS} step="1" value={quantity()} onInput={(e) => setQuantity(e.currentTarget.value)} />}
        </Field>
      </div>
      <div class="row">
        <Field label="Department or ward" error={fieldError('ward') ?? serverFields().patientId}>
          {(c) => <input {...c} maxLength={100} value={ward()} onInput={(e) => setWard(e.currentTarget.value)} />}
        </Field>
        <Field label="Reason (optional)" error={fieldError('reason')}>
          {(c) => <input {...c} maxLength={500} value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />}
        </Field>
      </div>
      <ErrorNotice error={state.error} />
      <button type="submit" disabled={state.fetching}>
        Issue
      </button>
    </form>
  );
}
