import { createMutation } from '@urql/solid';
import { createSignal, For, Match, Show, Switch } from 'solid-js';
import { PatientPicker, type PatientSummary } from '../../features/patients/PatientPicker.tsx';
import { describeError } from '../../lib/errors.ts';
import type { VariablesOf } from '../../lib/graphql.ts';
import { check, collect } from '../../lib/validate.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { MAX_UNITS, useSuppliers } from './catalogue.ts';
import { type LotBalance, RETURN_STOCK, unitsWithin } from './stock-ops.ts';

type Direction = VariablesOf<typeof RETURN_STOCK>['input']['direction'];

/** Units of this lot coming back from a ward or a patient, or going back to the supplier from here. */
export function ReturnForm(props: { balance: LotBalance; onDone: (message: string) => void }) {
  const suppliers = useSuppliers();
  const [direction, setDirection] = createSignal<Direction>('FROM_WARD');
  const [quantity, setQuantity] = createSignal('');
  const [ward, setWard] = createSignal('');
  const [patient, setPatient] = createSignal<PatientSummary | null>(null);
  const [supplierId, setSupplierId] = createSignal('');
  const [reason, setReason] = createSignal('');
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [state, sendBack] = createMutation(RETURN_STOCK);
  const fieldError = (name: string) => errors()[name] ?? describeError(state.error)?.fields[name];
  const most = () => (direction() === 'TO_SUPPLIER' ? props.balance.quantity : MAX_UNITS);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const n = unitsWithin(quantity(), most());
    const found = collect({
      quantity: n === null ? `Enter 1 to ${most().toLocaleString('en')} units.` : null,
      ward: direction() === 'FROM_WARD' ? check.required(ward(), 'Name the ward it comes back from.') : null,
      patientId: direction() === 'FROM_PATIENT' && !patient() ? 'Choose the patient who brings it back.' : null,
      reason: check.required(reason(), 'Say why it comes back, e.g. "unused at discharge".'),
    });
    setErrors(found);
    if (Object.keys(found).length || n === null) return;
    const result = await sendBack({
      input: {
        lotId: props.balance.lot.id,
        locationId: props.balance.location.id,
        quantity: n,
        direction: direction(),
        reason: reason().trim(),
        ...(direction() === 'FROM_WARD' ? { ward: ward().trim() } : {}),
        ...(direction() === 'FROM_PATIENT' ? { patientId: patient()!.id } : {}),
        ...(direction() === 'TO_SUPPLIER' && supplierId() ? { supplierId: supplierId() } : {}),
      },
    });
    if (!result.data) return;
    const unit = props.balance.item.unit;
    props.onDone(direction() === 'TO_SUPPLIER' ? `Sent ${n} ${unit} back to the supplier.` : `Took back ${n} ${unit} into ${props.balance.location.name}.`);
  };
  return (
    <form onSubmit={submit} aria-label="Return stock" novalidate>
      <Field label="Direction">
        {(c) => (
          <select {...c} value={direction()} onChange={(e) => setDirection(e.currentTarget.value as Direction)}>
            <option value="FROM_WARD">Back from a ward</option>
            <option value="FROM_PATIENT">Back from a patient</option>
            <option value="TO_SUPPLIER">Back to the supplier</option>
          </select>
        )}
      </Field>
      <Switch>
        <Match when={direction() === 'FROM_WARD'}>
          <Field label="Ward" error={fieldError('ward')}>
            {(c) => <input {...c} maxLength={100} value={ward()} onInput={(e) => setWard(e.currentTarget.value)} />}
          </Field>
        </Match>
        <Match when={direction() === 'FROM_PATIENT'}>
          <PatientPicker selected={patient()} onSelect={setPatient} />
          <Show when={fieldError('patientId')}>
            <small class="field-error">{fieldError('patientId')}</small>
          </Show>
        </Match>
        <Match when={direction() === 'TO_SUPPLIER'}>
          <Field label="Supplier" hint="Empty: the lot's own supplier." error={fieldError('supplierId')}>
            {(c) => (
              <select {...c} value={supplierId()} onChange={(e) => setSupplierId(e.currentTarget.value)}>
                <option value="">The lot's supplier</option>
                <For each={suppliers()}>{(s) => <option value={s.id}>{s.name}</option>}</For>
              </select>
            )}
          </Field>
        </Match>
      </Switch>
      <Field label="Units" error={fieldError('quantity')}>
        {(c) => <input {...c} type="number" min="1" max={most()} step="1" value={quantity()} onInput={(e) => setQuantity(e.currentTarget.value)} />}
      </Field>
      <Field label="Reason" error={fieldError('reason')}>
        {(c) => <input {...c} maxLength={500} value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />}
      </Field>
      <ErrorNotice error={state.error} />
      <button type="submit" disabled={state.fetching}>
        Record return
      </button>
    </form>
  );
}
