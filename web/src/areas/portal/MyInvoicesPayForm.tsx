import { createMutation, createQuery } from '@urql/solid';
import { createEffect, createSignal, onCleanup, Show } from 'solid-js';
import { describeError } from '../../lib/errors.ts';
import { formatMoney, parseMoney } from '../../lib/format.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { Status } from '../../ui/Status.tsx';
import { PAY, PAYMENT_INTENT } from './MyInvoicesQueries.ts';

/** How often a payment the provider has not confirmed yet is looked at again. */
export const CONFIRM_POLL_MS = 2000;

interface Owed {
  id: string;
  number: string;
  currency: string;
  owedMinor: number;
}

const digits = (s: string) => s.replace(/\D/g, '');

/** Checks what the patient typed before it goes anywhere; the server checks again. */
function checkCard(card: { number: string; expiry: string; cvc: string }): Record<string, string> {
  const found: Record<string, string> = {};
  if (!/^\d{12,19}$/.test(digits(card.number))) found.number = 'Enter the card number.';
  if (!/^(0?[1-9]|1[0-2])\s*\/\s*(\d{2}|\d{4})$/.test(card.expiry.trim())) found.expYear = 'Enter the expiry as MM/YY.';
  if (!/^\d{3,4}$/.test(card.cvc.trim())) found.cvc = 'Enter the 3 or 4 digits on the back.';
  return found;
}

function expiryOf(text: string): { expMonth: number; expYear: number } {
  const [month = '', year = ''] = text.split('/').map((s) => s.trim());
  return { expMonth: Number(month), expYear: year.length === 2 ? 2000 + Number(year) : Number(year) };
}

/**
 * "Pay now": the patient pays by card through the payment provider and sees the outcome, which stays
 * in view after the invoice is settled (the form itself only while something is owed).
 */
export function MyInvoicesPayForm(props: { invoice: Owed; payable: boolean; pollMs?: number }) {
  const [amount, setAmount] = createSignal('');
  const [number, setNumber] = createSignal('');
  const [expiry, setExpiry] = createSignal('');
  const [cvc, setCvc] = createSignal('');
  const [local, setLocal] = createSignal<Record<string, string>>({});
  const [intentId, setIntentId] = createSignal<string | null>(null);
  const [state, pay] = createMutation(PAY);
  const [followed, refetch] = createQuery({
    query: PAYMENT_INTENT,
    variables: () => ({ id: intentId() ?? '' }),
    pause: () => !intentId(),
    requestPolicy: 'network-only',
  });
  // A retried request keeps its key (the card is charged once); a new attempt after an answer gets a new one.
  let key = crypto.randomUUID();
  const intent = () => followed.data?.paymentIntent ?? state.data?.payInvoice;
  const processing = () => intent()?.status === 'PROCESSING';
  createEffect(() => {
    if (!processing()) return;
    const timer = setInterval(() => refetch({ requestPolicy: 'network-only' }), props.pollMs ?? CONFIRM_POLL_MS);
    onCleanup(() => clearInterval(timer));
  });
  const fields = () => ({ ...(describeError(state.error)?.fields ?? {}), ...local() });
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const inv = props.invoice;
    const minor = amount().trim() ? parseMoney(amount(), inv.currency) : inv.owedMinor;
    const found = checkCard({ number: number(), expiry: expiry(), cvc: cvc() });
    if (minor === null || minor <= 0 || minor > inv.owedMinor) found.amountMinor = `Enter an amount up to ${formatMoney(inv.owedMinor, inv.currency)}.`;
    setLocal(found);
    if (Object.keys(found).length || minor === null) return;
    setIntentId(null);
    const result = await pay({
      invoiceId: inv.id,
      amountMinor: minor,
      idempotencyKey: key,
      card: { number: digits(number()), ...expiryOf(expiry()), cvc: cvc().trim() },
    });
    if (result.error?.networkError || result.error?.graphQLErrors[0]?.extensions?.code === 'INTERNAL_SERVER_ERROR') return;
    key = crypto.randomUUID();
    if (!result.data) return;
    setIntentId(result.data.payInvoice.id);
    setAmount('');
    setNumber('');
    setExpiry('');
    setCvc('');
  };
  return (
    <>
      <Show when={props.payable}>
        <form onSubmit={submit} aria-label={`Pay invoice ${props.invoice.number}`} class="stack" novalidate>
          <div class="row">
            <Field label={`Amount (${props.invoice.currency})`} hint="Leave empty to pay it all" error={fields().amountMinor}>
              {(c) => <input {...c} inputmode="decimal" value={amount()} onInput={(e) => setAmount(e.currentTarget.value)} />}
            </Field>
            <Field label="Card number" hint="Test mode: 4242 4242 4242 4242 is accepted, 4000 0000 0000 0002 is declined" error={fields().number}>
              {(c) => <input {...c} inputmode="numeric" autocomplete="cc-number" value={number()} onInput={(e) => setNumber(e.currentTarget.value)} />}
            </Field>
            <Field label="Expiry (MM/YY)" error={fields().expYear ?? fields().expMonth}>
              {(c) => <input {...c} autocomplete="cc-exp" value={expiry()} onInput={(e) => setExpiry(e.currentTarget.value)} />}
            </Field>
            <Field label="CVC" error={fields().cvc}>
              {(c) => <input {...c} inputmode="numeric" autocomplete="cc-csc" value={cvc()} onInput={(e) => setCvc(e.currentTarget.value)} />}
            </Field>
          </div>
          <button type="submit" disabled={state.fetching}>
            {state.fetching ? 'Paying…' : 'Pay now'}
          </button>
        </form>
      </Show>
      <ErrorNotice error={Object.keys(local()).length ? null : state.error} />
      <Status when={intent()?.status === 'SUCCEEDED'}>
        Paid with the card ending {intent()?.cardLast4}. Receipt {intent()?.payment?.number}.
      </Status>
      <Status when={processing()}>Your card ending {intent()?.cardLast4} was charged; waiting for the payment provider to confirm.</Status>
    </>
  );
}
