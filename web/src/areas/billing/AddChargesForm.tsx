import { createMutation, createQuery } from '@urql/solid';
import { createSignal, For } from 'solid-js';
import { formatDate, formatMoney } from '../../lib/format.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { CHARGE_CHANGES, PATIENT_CHARGES } from './account-queries.ts';
import type { InvoiceDetailInfo } from './invoice-queries.ts';
import { ADD_CHARGES } from './line-queries.ts';

/** Puts the patient's pending (priced, same-currency) charges on a draft invoice. */
export function AddChargesForm(props: { invoice: InvoiceDetailInfo }) {
  const [result] = createQuery({
    query: PATIENT_CHARGES,
    variables: () => ({ patientId: props.invoice.patient?.id ?? '', status: 'PENDING' as const }),
    // Without the patient (people unavailable) the charges cannot be narrowed to theirs: nothing is asked.
    pause: () => !props.invoice.patient,
    context: CHARGE_CHANGES,
  });
  const [chosen, setChosen] = createSignal<string[]>([]);
  const [invalid, setInvalid] = createSignal<string | null>(null);
  const [state, add] = createMutation(ADD_CHARGES);
  const usable = () => (result.data?.charges?.nodes ?? []).filter((c) => !c.unpriced && c.currency === props.invoice.currency);
  const toggle = (id: string, on: boolean) => setChosen((ids) => (on ? [...ids, id] : ids.filter((i) => i !== id)));
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setInvalid(chosen().length ? null : 'Tick the charges to add.');
    if (!chosen().length) return;
    const r = await add({ invoiceId: props.invoice.id, chargeIds: chosen() });
    if (r.data) setChosen([]);
  };
  return (
    <form onSubmit={submit} aria-label="Add charges" class="card" novalidate>
      <h2>Add charges</h2>
      <Loaded result={result} isEmpty={() => !usable().length} empty="No pending charges for this patient.">
        {() => (
          <fieldset>
            <legend>Pending charges</legend>
            <For each={usable()}>
              {(c) => (
                <label class="check">
                  <input type="checkbox" checked={chosen().includes(c.id)} onChange={(e) => toggle(c.id, e.currentTarget.checked)} />
                  {c.description} · {formatDate(c.serviceDate)} · {c.quantity} × {formatMoney(c.unitPriceMinor, c.currency)}
                </label>
              )}
            </For>
          </fieldset>
        )}
      </Loaded>
      <ErrorNotice error={invalid() ?? state.error} />
      <button type="submit" disabled={state.fetching || !usable().length}>
        Add to invoice
      </button>
    </form>
  );
}
