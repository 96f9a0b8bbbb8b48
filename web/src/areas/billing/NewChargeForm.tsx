import { createMutation, useClient } from '@urql/solid';
import { createSignal, For } from 'solid-js';
import { createStore } from 'solid-js/store';
import { describeError } from '../../lib/errors.ts';
import { formatMoney, parseMoney } from '../../lib/format.ts';
import type { VariablesOf } from '../../lib/graphql.ts';
import { SERVICE_TYPE } from '../../lib/labels/finance.ts';
import { check, collect } from '../../lib/validate.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { Status } from '../../ui/Status.tsx';
import { CREATE_CHARGE, EFFECTIVE_PRICE } from './account-queries.ts';

type ServiceType = NonNullable<VariablesOf<typeof CREATE_CHARGE>['input']['serviceType']>;
const TYPES: readonly ServiceType[] = ['CONSULTATION', 'PROCEDURE', 'LAB_TEST', 'MEDICINE', 'OTHER'];

/**
 * A charge entered by hand (a procedure at the desk, a sundry). "Look up price" finds the price list's
 * price for that service, code and date (effectivePrice) and charges at it; otherwise the price typed.
 */
export function NewChargeForm(props: { patientId: string; facilityId: string; today: string }) {
  const client = useClient();
  const blank = { serviceType: 'PROCEDURE' as ServiceType, code: '', description: '', price: '', currency: 'USD', quantity: '1', serviceDate: props.today };
  const [form, setForm] = createStore({ ...blank, priceListEntryId: null as string | null });
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [lookup, setLookup] = createSignal<string | null>(null);
  const [state, create] = createMutation(CREATE_CHARGE);
  const fields = () => ({ ...(describeError(state.error)?.fields ?? {}), ...errors() });
  const edit = (key: 'code' | 'description' | 'price' | 'currency' | 'quantity' | 'serviceDate', value: string) =>
    setForm({ [key]: value, priceListEntryId: null });
  const findPrice = async () => {
    const r = await client
      .query(
        EFFECTIVE_PRICE,
        { facilityId: props.facilityId, serviceType: form.serviceType, on: form.serviceDate, code: form.code.trim() || null },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    const entry = r.data?.effectivePrice;
    if (!entry) {
      setLookup(r.error ? (describeError(r.error)?.message ?? null) : 'No price on the price list for this service on that date; enter one.');
      return;
    }
    setForm({
      code: entry.code,
      description: entry.description,
      price: (entry.amountMinor / 100).toFixed(2),
      currency: entry.currency,
      priceListEntryId: entry.id,
    });
    setLookup(`Price list: ${formatMoney(entry.amountMinor, entry.currency)}.`);
  };
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const unitPriceMinor = parseMoney(form.price, form.currency);
    const found = collect({
      code: form.priceListEntryId ? null : check.required(form.code),
      description: form.priceListEntryId ? null : check.required(form.description),
      unitPriceMinor: form.priceListEntryId || (unitPriceMinor !== null && unitPriceMinor >= 0) ? null : 'Enter a price, e.g. 45.00.',
      quantity: check.positiveInt(form.quantity),
      serviceDate: /^\d{4}-\d{2}-\d{2}$/.test(form.serviceDate) ? null : 'Choose the day of the service.',
    });
    setErrors(found);
    if (Object.keys(found).length) return;
    const common = { patientId: props.patientId, facilityId: props.facilityId, quantity: Number(form.quantity), serviceDate: form.serviceDate };
    const input = form.priceListEntryId
      ? { ...common, priceListEntryId: form.priceListEntryId }
      : { ...common, serviceType: form.serviceType, code: form.code.trim(), description: form.description.trim(), unitPriceMinor, currency: form.currency };
    const r = await create({ input });
    if (!r.data) return;
    setForm({ ...blank, priceListEntryId: null });
    setLookup(null);
  };
  return (
    <form onSubmit={submit} aria-label="New charge" class="card" novalidate>
      <h2>New charge</h2>
      <div class="row">
        <Field label="Service type">
          {(c) => (
            <select {...c} value={form.serviceType} onChange={(e) => setForm({ serviceType: e.currentTarget.value as ServiceType, priceListEntryId: null })}>
              <For each={TYPES}>{(t) => <option value={t}>{SERVICE_TYPE[t]}</option>}</For>
            </select>
          )}
        </Field>
        <Field label="Code" error={fields().code}>
          {(c) => <input {...c} value={form.code} onInput={(e) => edit('code', e.currentTarget.value)} />}
        </Field>
        <Field label="Description" error={fields().description}>
          {(c) => <input {...c} value={form.description} onInput={(e) => edit('description', e.currentTarget.value)} />}
        </Field>
        <Field label="Service date" error={fields().serviceDate}>
          {(c) => <input {...c} type="date" value={form.serviceDate} onInput={(e) => edit('serviceDate', e.currentTarget.value)} />}
        </Field>
        <Field label="Unit price" error={fields().unitPriceMinor}>
          {(c) => <input {...c} inputmode="decimal" value={form.price} onInput={(e) => edit('price', e.currentTarget.value)} />}
        </Field>
        <Field label="Currency" error={fields().currency}>
          {(c) => <input {...c} value={form.currency} maxLength={3} onInput={(e) => edit('currency', e.currentTarget.value.toUpperCase())} />}
        </Field>
        <Field label="Quantity" error={fields().quantity}>
          {(c) => <input {...c} inputmode="numeric" value={form.quantity} onInput={(e) => setForm('quantity', e.currentTarget.value)} />}
        </Field>
      </div>
      <div class="actions">
        <button type="button" class="secondary" onClick={findPrice}>
          Look up price
        </button>
        <button type="submit" disabled={state.fetching}>
          Add charge
        </button>
      </div>
      <Status when={lookup()}>{lookup()}</Status>
      <ErrorNotice error={Object.keys(errors()).length ? null : state.error} />
      <Status when={state.data}>Charge added: {state.data?.createCharge.description}.</Status>
    </form>
  );
}
