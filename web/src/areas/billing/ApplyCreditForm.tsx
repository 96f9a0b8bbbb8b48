import { createMutation, createQuery } from '@urql/solid';
import { createSignal, Show } from 'solid-js';
import { describeError } from '../../lib/errors.ts';
import { formatMoney, parseMoney } from '../../lib/format.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { Status } from '../../ui/Status.tsx';
import { APPLY_CREDIT, CREDIT_CHANGES, PATIENT_CREDIT } from './account-queries.ts';
import type { InvoiceDetailInfo } from './invoice-queries.ts';

/** Pays an invoice out of the patient's credit in its currency: all that can be, or the amount given. */
export function ApplyCreditForm(props: { invoice: InvoiceDetailInfo }) {
  const [result] = createQuery({
    query: PATIENT_CREDIT,
    variables: () => ({ patientId: props.invoice.patient?.id ?? '' }),
    pause: () => !props.invoice.patient,
    context: CREDIT_CHANGES,
  });
  const [amount, setAmount] = createSignal('');
  const [invalid, setInvalid] = createSignal<string | null>(null);
  const [state, apply] = createMutation(APPLY_CREDIT);
  const available = () => result.data?.patientCredit?.find((c) => c.currency === props.invoice.currency)?.balanceMinor ?? 0;
  const most = () => Math.min(available(), props.invoice.balanceMinor);
  const money = (minor: number) => formatMoney(minor, props.invoice.currency);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const minor = amount().trim() ? parseMoney(amount(), props.invoice.currency) : null;
    const wrong = amount().trim() !== '' && (minor === null || minor <= 0 || minor > most());
    setInvalid(wrong ? `Enter an amount up to ${money(most())}.` : null);
    if (wrong) return;
    const r = await apply({ invoiceId: props.invoice.id, ...(minor !== null ? { amountMinor: minor } : {}) });
    if (r.data) setAmount('');
  };
  return (
    <Show when={available() > 0 || state.data}>
      <form onSubmit={submit} aria-label="Apply credit" class="card" novalidate>
        <h2>Patient credit</h2>
        <p>{money(available())} of credit available.</p>
        <Field label="Credit to apply" hint={`Leave empty to apply ${money(most())}`} error={invalid() ?? describeError(state.error)?.fields.amountMinor}>
          {(c) => <input {...c} inputmode="decimal" value={amount()} onInput={(e) => setAmount(e.currentTarget.value)} />}
        </Field>
        <ErrorNotice error={invalid() ? null : state.error} />
        <button type="submit" disabled={state.fetching || available() === 0}>
          Apply credit
        </button>
        <Status when={state.data}>
          {money(state.data?.applyPatientCredit.appliedMinor ?? 0)} of credit applied, receipt {state.data?.applyPatientCredit.number}.
        </Status>
      </form>
    </Show>
  );
}
