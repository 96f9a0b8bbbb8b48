import { createMutation } from '@urql/solid';
import { createSignal } from 'solid-js';
import { describeError } from '../../lib/errors.ts';
import { formatMoney, MAX_AMOUNT_MINOR, parseMoney } from '../../lib/format.ts';
import type { VariablesOf } from '../../lib/graphql.ts';
import { actionKeys } from '../../lib/idempotency.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { Status } from '../../ui/Status.tsx';
import { type InvoiceDetailInfo, RECORD_PAYMENT } from './invoice-queries.ts';

type Method = VariablesOf<typeof RECORD_PAYMENT>['input']['method'];

/** What is wrong with a typed amount: not an amount, or more than one payment can be. */
function amountProblem(text: string, minor: number | null, currency: string): string | null {
  if (minor !== null && minor > 0) return null;
  const digits = new Intl.NumberFormat(undefined, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  const tooLarge = /^\d+(\.\d+)?$/.test(text.trim()) && Number(text.trim()) * 10 ** digits > MAX_AMOUNT_MINOR;
  return tooLarge ? `One payment can be at most ${formatMoney(MAX_AMOUNT_MINOR, currency)}.` : 'Enter an amount, e.g. 25.00.';
}

/** Takes a cash, card or insurance payment at the desk. */
export function PaymentForm(props: { invoice: InvoiceDetailInfo }) {
  const [method, setMethod] = createSignal<Method>('CASH');
  const [amount, setAmount] = createSignal('');
  const [reference, setReference] = createSignal('');
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [state, pay] = createMutation(RECORD_PAYMENT);
  const payments = actionKeys();
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const minor = parseMoney(amount(), props.invoice.currency);
    const found: Record<string, string> = {};
    const wrongAmount = amountProblem(amount(), minor, props.invoice.currency);
    if (wrongAmount) found.amount = wrongAmount;
    if (method() !== 'CASH' && !reference().trim()) found.reference = 'A card slip or payer reference is needed.';
    setErrors(found);
    if (Object.keys(found).length || minor === null) return;
    const input = {
      invoiceId: props.invoice.id,
      method: method(),
      amountMinor: minor,
      currency: props.invoice.currency,
      ...(reference().trim() ? { reference: reference().trim() } : {}),
    };
    // A retry of the same payment (say, after a timeout) sends the same key, so the money is recorded once.
    const result = await pay({ input, idempotencyKey: payments.keyFor(input) });
    if (!result.data) return;
    payments.succeeded();
    setAmount('');
    setReference('');
  };
  return (
    <form onSubmit={submit} aria-label="Record a payment" class="card" novalidate>
      <h2>Take a payment</h2>
      <p>Balance: {formatMoney(props.invoice.balanceMinor, props.invoice.currency)}</p>
      <div class="row">
        <Field label="Method">
          {(c) => (
            <select {...c} value={method()} onChange={(e) => setMethod(e.currentTarget.value as Method)}>
              <option value="CASH">Cash</option>
              <option value="CARD">Card</option>
              <option value="INSURANCE">Insurance</option>
            </select>
          )}
        </Field>
        <Field label={`Amount (${props.invoice.currency})`} error={errors().amount ?? describeError(state.error)?.fields.amountMinor}>
          {(c) => <input {...c} inputmode="decimal" value={amount()} onInput={(e) => setAmount(e.currentTarget.value)} />}
        </Field>
        <Field label="Reference" error={errors().reference}>
          {(c) => <input {...c} value={reference()} onInput={(e) => setReference(e.currentTarget.value)} />}
        </Field>
      </div>
      <ErrorNotice error={state.error} />
      <button type="submit" disabled={state.fetching}>
        Record payment
      </button>
      <Status when={state.data}>Payment recorded, receipt {state.data?.recordPayment.number}.</Status>
    </form>
  );
}
