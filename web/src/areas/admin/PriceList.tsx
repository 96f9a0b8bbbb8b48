import { createMutation, createQuery } from '@urql/solid';
import { createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { FacilitySelect } from '../../features/FacilitySelect.tsx';
import { useFacilityChoice } from '../../features/facilities.ts';
import { formatDate, formatMoney, parseMoney } from '../../lib/format.ts';
import { graphql, readFragment, type VariablesOf } from '../../lib/graphql.ts';
import { SERVICE_TYPE } from '../../lib/labels/finance.ts';
import { check, collect } from '../../lib/validate.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { EndPriceForm } from './EndPriceForm.tsx';

const PRICE_FIELDS = graphql(`
  fragment PriceRow on PriceListEntry {
    id serviceType code description specialty amountMinor currency taxRateBasisPoints effectiveFrom effectiveTo provider { displayName }
  }
`);

export const PRICE_LIST = graphql(
  `
  query PriceList($facilityId: ID) {
    priceList(facilityId: $facilityId) { ...PriceRow }
  }
`,
  [PRICE_FIELDS],
);

export const CREATE_PRICE = graphql(
  `
  mutation CreatePrice($input: PriceListEntryInput!) {
    createPriceListEntry(input: $input) { ...PriceRow }
  }
`,
  [PRICE_FIELDS],
);

type ServiceType = VariablesOf<typeof CREATE_PRICE>['input']['serviceType'];
const TYPES: readonly ServiceType[] = ['CONSULTATION', 'PROCEDURE', 'LAB_TEST', 'MEDICINE', 'OTHER'];

/** Prices per facility with their effective dates, and adding a price. */
export function PriceList() {
  const place = useFacilityChoice();
  const [result, refetch] = createQuery({ query: PRICE_LIST, variables: () => ({ facilityId: place.facility()?.id ?? null }) });
  const [form, setForm] = createStore({
    serviceType: 'PROCEDURE' as ServiceType,
    code: '',
    description: '',
    amount: '',
    currency: 'USD',
    effectiveFrom: place.today(),
  });
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [state, create] = createMutation(CREATE_PRICE);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const amountMinor = parseMoney(form.amount, form.currency);
    const found = collect({
      code: check.required(form.code),
      description: check.required(form.description),
      amount: amountMinor === null ? 'Enter a price, e.g. 45.00.' : null,
      effectiveFrom: form.effectiveFrom ? null : 'Choose the first day.',
    });
    setErrors(found);
    if (Object.keys(found).length || amountMinor === null) return;
    const r = await create({
      input: {
        facilityId: place.facility()!.id,
        serviceType: form.serviceType,
        code: form.code.trim(),
        description: form.description.trim(),
        amountMinor,
        currency: form.currency,
        effectiveFrom: form.effectiveFrom,
      },
    });
    if (!r.data) return;
    setForm({ code: '', description: '', amount: '' });
    refetch({ requestPolicy: 'network-only' });
  };
  return (
    <section class="page wide" aria-labelledby="prices-title">
      <h1 id="prices-title">Price list</h1>
      <FacilitySelect facilities={place.facilities()} value={place.facility()?.id} onChange={place.choose} />
      <Loaded result={result} isEmpty={(d) => !d.priceList.length} empty="No prices yet.">
        {(data) => (
          <ScrollTable label="Prices">
            <table>
              <thead>
                <tr>
                  <th scope="col">Service</th>
                  <th scope="col">For</th>
                  <th scope="col">Price</th>
                  <th scope="col">Tax</th>
                  <th scope="col">Effective</th>
                  <th scope="col">
                    <span class="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={readFragment(PRICE_FIELDS, data().priceList)}>
                  {(p) => (
                    <tr>
                      <th scope="row">
                        {p.description} <small>{p.code}</small>
                      </th>
                      <td>{p.provider?.displayName ?? p.specialty ?? SERVICE_TYPE[p.serviceType]}</td>
                      <td class="number">{formatMoney(p.amountMinor, p.currency)}</td>
                      <td class="number">{p.taxRateBasisPoints / 100}%</td>
                      <td>
                        {formatDate(p.effectiveFrom)}
                        {p.effectiveTo ? ` – ${formatDate(p.effectiveTo)}` : ' onwards'}
                      </td>
                      <td>
                        <Show when={!p.effectiveTo}>
                          <EndPriceForm entryId={p.id} label={`${p.description} (${p.code})`} effectiveFrom={p.effectiveFrom} today={place.today()} />
                        </Show>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </ScrollTable>
        )}
      </Loaded>
      <form onSubmit={submit} aria-label="Add a price" class="card" novalidate>
        <h2>Add a price</h2>
        <div class="row">
          <Field label="Service type">
            {(c) => (
              <select {...c} value={form.serviceType} onChange={(e) => setForm('serviceType', e.currentTarget.value as ServiceType)}>
                <For each={TYPES}>
                  {(t) => (
                    <option value={t} selected={t === form.serviceType}>
                      {SERVICE_TYPE[t]}
                    </option>
                  )}
                </For>
              </select>
            )}
          </Field>
          <Field label="Code" error={errors().code}>
            {(c) => <input {...c} value={form.code} onInput={(e) => setForm('code', e.currentTarget.value)} />}
          </Field>
          <Field label="Description" error={errors().description}>
            {(c) => <input {...c} value={form.description} onInput={(e) => setForm('description', e.currentTarget.value)} />}
          </Field>
          <Field label="Price" error={errors().amount}>
            {(c) => <input {...c} inputmode="decimal" value={form.amount} onInput={(e) => setForm('amount', e.currentTarget.value)} />}
          </Field>
          <Field label="Currency">
            {(c) => <input {...c} value={form.currency} maxLength={3} onInput={(e) => setForm('currency', e.currentTarget.value.toUpperCase())} />}
          </Field>
          <Field label="Effective from" error={errors().effectiveFrom}>
            {(c) => <input {...c} type="date" value={form.effectiveFrom} onInput={(e) => setForm('effectiveFrom', e.currentTarget.value)} />}
          </Field>
        </div>
        <ErrorNotice error={state.error} />
        <button type="submit" disabled={state.fetching || !place.facility()}>
          Add price
        </button>
      </form>
    </section>
  );
}
