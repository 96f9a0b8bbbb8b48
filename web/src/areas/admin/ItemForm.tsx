import { createMutation } from '@urql/solid';
import { createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { ITEM_KIND } from '../../lib/labels/supply.ts';
import { check, collect } from '../../lib/validate.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { Status } from '../../ui/Status.tsx';
import { type CatalogueItem, CREATE_ITEM, ITEM_KINDS, type ItemKind, UPDATE_ITEM } from './catalogue-queries.ts';
import { fieldErrors, orNull } from './field-errors.ts';
import { TextInput } from './TextInput.tsx';

const LEVEL_MAX = 1_000_000;
const level = (text: string) =>
  /^\d+$/.test(text.trim()) && Number(text) <= LEVEL_MAX ? null : `Enter a whole number from 0 to ${LEVEL_MAX.toLocaleString('en')}.`;

/** Adds a catalogue item, or edits one: names, unit, reorder level and quantity, preferred supplier, whether it is in use. */
export function ItemForm(props: { item?: CatalogueItem; suppliers: { id: string; name: string }[]; onSaved?: () => void; onCancel?: () => void }) {
  const i = props.item;
  const blank = { sku: '', name: '', kind: 'MEDICINE' as ItemKind, unit: '', genericName: '', form: '', strength: '', reorderLevel: '0', reorderQuantity: '0' };
  const [form, setForm] = createStore({
    ...blank,
    ...(i && {
      sku: i.sku,
      name: i.name,
      kind: i.kind,
      unit: i.unit,
      genericName: i.genericName ?? '',
      form: i.form ?? '',
      strength: i.strength ?? '',
      reorderLevel: String(i.reorderLevel),
      reorderQuantity: String(i.reorderQuantity),
    }),
    supplierId: i?.preferredSupplier?.id ?? '',
    active: i?.active ?? true,
  });
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [created, create] = createMutation(CREATE_ITEM);
  const [updated, update] = createMutation(UPDATE_ITEM);
  const [saved, setSaved] = createSignal(false);
  const state = () => (props.item ? updated : created);
  const fieldError = fieldErrors(errors, created, updated);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setSaved(false);
    const found = collect({
      sku: props.item || /^[A-Za-z0-9._-]{1,40}$/.test(form.sku.trim()) ? null : 'Use letters, digits, dot, dash or underscore.',
      name: check.required(form.name, 'Enter the item’s name.'),
      unit: check.required(form.unit, 'Enter the unit it is counted in, e.g. tablet.'),
      genericName: form.kind === 'MEDICINE' && !form.genericName.trim() ? 'A medicine needs its generic name.' : null,
      reorderLevel: level(form.reorderLevel),
      reorderQuantity: level(form.reorderQuantity),
    });
    setErrors(found);
    if (Object.keys(found).length) return;
    const fields = {
      name: form.name.trim(),
      unit: form.unit.trim(),
      genericName: orNull(form.genericName),
      form: orNull(form.form),
      strength: orNull(form.strength),
      reorderLevel: Number(form.reorderLevel),
      reorderQuantity: Number(form.reorderQuantity),
      preferredSupplierId: form.supplierId || null,
    };
    const current = props.item;
    const result = current
      ? await update({ id: current.id, input: { ...fields, active: form.active } })
      : await create({ input: { ...fields, sku: form.sku.trim(), kind: form.kind } });
    if (!result.data) return;
    setSaved(true);
    if (!current) setForm({ ...blank, supplierId: '' });
    props.onSaved?.();
  };
  const text = (key: 'sku' | 'name' | 'unit' | 'genericName' | 'form' | 'strength' | 'reorderLevel' | 'reorderQuantity', label: string, hint?: string) => (
    <TextInput
      label={label}
      hint={hint}
      inputmode={key.startsWith('reorder') ? 'numeric' : undefined}
      value={form[key]}
      onInput={(v) => setForm(key, v)}
      error={fieldError(key)}
    />
  );
  const title = () => (props.item ? `Edit ${props.item.name}` : 'New catalogue item');
  return (
    <form onSubmit={submit} aria-label={title()} class="card" novalidate>
      <h2>{title()}</h2>
      <div class="row">
        <Show when={!props.item}>
          {text('sku', 'SKU')}
          <Field label="Kind" error={fieldError('kind')}>
            {(c) => (
              <select {...c} value={form.kind} onChange={(e) => setForm('kind', e.currentTarget.value as ItemKind)}>
                <For each={ITEM_KINDS}>
                  {(k) => (
                    <option value={k} selected={k === form.kind}>
                      {ITEM_KIND[k]}
                    </option>
                  )}
                </For>
              </select>
            )}
          </Field>
        </Show>
        {text('name', 'Name')}
        {text('genericName', 'Generic name')}
        {text('form', 'Form', 'e.g. tablet, syrup')}
        {text('strength', 'Strength', 'e.g. 500 mg')}
        {text('unit', 'Unit', 'What quantities count, e.g. tablet')}
      </div>
      <div class="row">
        {text('reorderLevel', 'Reorder level', 'At or below this much on hand, the item is low.')}
        {text('reorderQuantity', 'Reorder quantity')}
        <Field label="Preferred supplier" error={fieldError('preferredSupplierId')}>
          {(c) => (
            <select {...c} value={form.supplierId} onChange={(e) => setForm('supplierId', e.currentTarget.value)}>
              <option value="">None</option>
              <For each={props.suppliers}>
                {(s) => (
                  <option value={s.id} selected={s.id === form.supplierId}>
                    {s.name}
                  </option>
                )}
              </For>
            </select>
          )}
        </Field>
        <Show when={props.item}>
          <label>
            <input type="checkbox" checked={form.active} onChange={(e) => setForm('active', e.currentTarget.checked)} /> In use
          </label>
        </Show>
      </div>
      <ErrorNotice error={state().error} />
      <div class="actions">
        <button type="submit" disabled={state().fetching}>
          {props.item ? 'Save item' : 'Add item'}
        </button>
        <Show when={props.onCancel}>
          {(cancel) => (
            <button type="button" class="secondary" onClick={() => cancel()()}>
              Cancel
            </button>
          )}
        </Show>
      </div>
      <Status when={saved()}>{props.item ? 'Item saved.' : 'Item added.'}</Status>
    </form>
  );
}
