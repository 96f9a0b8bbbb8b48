import { createMutation } from '@urql/solid';
import { createSignal } from 'solid-js';
import { formatMoney } from '../../lib/format.ts';
import { readFragment } from '../../lib/graphql.ts';
import { check, collect } from '../../lib/validate.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { Status } from '../../ui/Status.tsx';
import { APPLY_DISCOUNT, INVOICE_DETAIL, type InvoiceDetailInfo } from './invoice-queries.ts';

/** A percentage off every line of a draft invoice, with the reason it was given (0% removes it). */
export function DiscountForm(props: { invoice: InvoiceDetailInfo }) {
  const [percent, setPercent] = createSignal('');
  const [reason, setReason] = createSignal('');
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [state, apply] = createMutation(APPLY_DISCOUNT);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const value = percent().trim();
    const ok = /^\d+(\.\d{1,2})?$/.test(value) && Number(value) <= 100;
    const basisPoints = ok ? Math.round(Number(value) * 100) : 0;
    const found = collect({
      percent: ok ? null : 'Enter a percentage from 0 to 100, e.g. 10 or 12.5.',
      reason: basisPoints > 0 ? check.required(reason(), 'Say why the discount is given.') : null,
    });
    setErrors(found);
    if (Object.keys(found).length) return;
    await apply({ invoiceId: props.invoice.id, discount: { discountBasisPoints: basisPoints, ...(basisPoints > 0 ? { reason: reason().trim() } : {}) } });
  };
  return (
    <form onSubmit={submit} aria-label="Discount" class="card" novalidate>
      <h2>Discount</h2>
      <p>Current discount: {formatMoney(props.invoice.discountMinor, props.invoice.currency)}</p>
      <Field label="Discount (%)" error={errors().percent}>
        {(c) => <input {...c} inputmode="decimal" value={percent()} onInput={(e) => setPercent(e.currentTarget.value)} />}
      </Field>
      <Field label="Reason for discount" error={errors().reason}>
        {(c) => <input {...c} value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />}
      </Field>
      <ErrorNotice error={state.error} />
      <button type="submit" disabled={state.fetching}>
        Apply discount
      </button>
      <Status when={state.data}>
        Discount applied: {formatMoney(state.data ? readFragment(INVOICE_DETAIL, state.data.applyInvoiceDiscount).discountMinor : 0, props.invoice.currency)}{' '}
        off.
      </Status>
    </form>
  );
}
