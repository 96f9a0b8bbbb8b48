import { createMutation } from '@urql/solid';
import { createSignal, For, Index, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { describeError } from '../../lib/errors.ts';
import { collect } from '../../lib/validate.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { MAX_UNITS, useItems, useSuppliers } from './catalogue.ts';
import type { LocationInfo } from './locations.ts';
import { CREATE_PO } from './po-queries.ts';
import { unitsWithin } from './stock-ops.ts';

const MAX_LINES = 200;

/** A draft purchase order by hand: a supplier, where it is delivered, and one line per item. */
export function CreateOrderForm(props: { locations: readonly LocationInfo[]; onDone: (number: string) => void }) {
  const items = useItems();
  const suppliers = useSuppliers();
  const [supplierId, setSupplierId] = createSignal('');
  const [deliverTo, setDeliverTo] = createSignal('');
  const [note, setNote] = createSignal('');
  const [lines, setLines] = createStore<{ itemId: string; quantity: string }[]>([{ itemId: '', quantity: '' }]);
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [state, create] = createMutation(CREATE_PO);
  const fieldError = (name: string) => errors()[name] ?? describeError(state.error)?.fields[name];
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const seen = new Set<string>();
    const lineChecks = Object.fromEntries(
      lines.map((l, i) => {
        const twice = l.itemId !== '' && seen.has(l.itemId);
        seen.add(l.itemId);
        const problem = !l.itemId
          ? 'Choose the item.'
          : twice
            ? 'This item is already on the order.'
            : unitsWithin(l.quantity, MAX_UNITS) === null
              ? `Enter 1 to ${MAX_UNITS.toLocaleString('en')} units.`
              : null;
        return [`line${i}`, problem];
      }),
    );
    const found = collect({
      supplierId: supplierId() ? null : 'Choose the supplier.',
      deliverToLocationId: deliverTo() ? null : 'Choose where it is delivered.',
      ...lineChecks,
    });
    setErrors(found);
    if (Object.keys(found).length) return;
    const result = await create({
      input: {
        supplierId: supplierId(),
        deliverToLocationId: deliverTo(),
        ...(note().trim() ? { note: note().trim() } : {}),
        lines: lines.map((l) => ({ itemId: l.itemId, quantity: Number(l.quantity) })),
      },
    });
    if (!result.data) return;
    setLines([{ itemId: '', quantity: '' }]);
    setNote('');
    props.onDone(result.data.createPurchaseOrder.number);
  };
  return (
    <form onSubmit={submit} aria-label="New purchase order" novalidate>
      <div class="row">
        <Field label="Supplier" error={fieldError('supplierId')}>
          {(c) => (
            <select {...c} value={supplierId()} onChange={(e) => setSupplierId(e.currentTarget.value)}>
              <option value="">Choose…</option>
              <For each={suppliers()}>{(s) => <option value={s.id}>{s.name}</option>}</For>
            </select>
          )}
        </Field>
        <Field label="Deliver to" error={fieldError('deliverToLocationId')}>
          {(c) => (
            <select {...c} value={deliverTo()} onChange={(e) => setDeliverTo(e.currentTarget.value)}>
              <option value="">Choose…</option>
              <For each={props.locations}>{(l) => <option value={l.id}>{l.name}</option>}</For>
            </select>
          )}
        </Field>
      </div>
      <Index each={lines}>
        {(line, i) => (
          <fieldset class="row">
            <legend>Line {i + 1}</legend>
            <Field label={`Item, line ${i + 1}`} error={fieldError(`line${i}`)}>
              {(c) => (
                <select {...c} value={line().itemId} onChange={(e) => setLines(i, 'itemId', e.currentTarget.value)}>
                  <option value="">Choose…</option>
                  <For each={items()}>{(it) => <option value={it.id}>{`${it.name} (${it.unit})`}</option>}</For>
                </select>
              )}
            </Field>
            <Field label={`Units, line ${i + 1}`}>
              {(c) => (
                <input
                  {...c}
                  type="number"
                  min="1"
                  max={MAX_UNITS}
                  step="1"
                  value={line().quantity}
                  onInput={(e) => setLines(i, 'quantity', e.currentTarget.value)}
                />
              )}
            </Field>
            <Show when={lines.length > 1}>
              <button type="button" class="secondary" onClick={() => setLines((all) => all.filter((_, j) => j !== i))}>
                Remove line {i + 1}
              </button>
            </Show>
          </fieldset>
        )}
      </Index>
      <button type="button" class="secondary" disabled={lines.length >= MAX_LINES} onClick={() => setLines(lines.length, { itemId: '', quantity: '' })}>
        Add a line
      </button>
      <Field label="Note (optional)" error={fieldError('note')}>
        {(c) => <input {...c} maxLength={1000} value={note()} onInput={(e) => setNote(e.currentTarget.value)} />}
      </Field>
      <ErrorNotice error={state.error} />
      <button type="submit" disabled={state.fetching}>
        Create draft order
      </button>
    </form>
  );
}
