import { createMutation, createQuery } from '@urql/solid';
import { createSignal, For, Show } from 'solid-js';
import { PdfButton } from '../../features/invoices/PdfButton.tsx';
import { formatDate, formatDayOf, formatMoney, humanize, parseMoney } from '../../lib/format.ts';
import { type FragmentOf, graphql, readFragment } from '../../lib/graphql.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { Status } from '../../ui/Status.tsx';

/** An invoice as the patient sees it: what is owed and the receipts. */
const MY_INVOICE_FIELDS = graphql(`
  fragment MyInvoiceFields on Invoice {
    id number status currency totalMinor patientBalanceMinor issuedAt dueDate
    payments { id number appliedMinor createdAt }
  }
`);

export const MY_INVOICES = graphql(
  `
  query MyInvoices {
    invoices(first: 50) { nodes { ...MyInvoiceFields } }
  }
`,
  [MY_INVOICE_FIELDS],
);

export const PAY = graphql(
  `
  mutation PayInvoice($invoiceId: ID!, $amountMinor: Int!, $idempotencyKey: String!) {
    payInvoice(invoiceId: $invoiceId, amountMinor: $amountMinor, idempotencyKey: $idempotencyKey) { id number invoice { ...MyInvoiceFields } }
  }
`,
  [MY_INVOICE_FIELDS],
);

/** The patient's invoices: pay what is owed, download invoices and receipts. */
export function MyInvoices() {
  const [result] = createQuery({ query: MY_INVOICES });
  return (
    <section class="page" aria-labelledby="my-invoices-title">
      <h1 id="my-invoices-title">My invoices</h1>
      <Loaded result={result} isEmpty={(d) => !d.invoices.nodes.length} empty="You have no invoices.">
        {(data) => (
          <ul class="cards">
            <For each={data().invoices.nodes}>{(inv) => <InvoiceCard invoice={inv} />}</For>
          </ul>
        )}
      </Loaded>
    </section>
  );
}

function InvoiceCard(props: { invoice: FragmentOf<typeof MY_INVOICE_FIELDS> }) {
  const invoice = () => readFragment(MY_INVOICE_FIELDS, props.invoice);
  const [amount, setAmount] = createSignal('');
  const [invalid, setInvalid] = createSignal<string | null>(null);
  const [state, pay] = createMutation(PAY);
  let key = crypto.randomUUID();
  const owed = () => invoice().patientBalanceMinor;
  const issued = () => invoice().issuedAt;
  const due = () => invoice().dueDate;
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const minor = amount().trim() ? parseMoney(amount(), invoice().currency) : owed();
    const wrong = minor === null || minor <= 0 || minor > owed();
    setInvalid(wrong ? `Enter an amount up to ${formatMoney(owed(), invoice().currency)}.` : null);
    if (minor === null || wrong) return;
    const result = await pay({ invoiceId: invoice().id, amountMinor: minor, idempotencyKey: key });
    if (result.data) {
      key = crypto.randomUUID();
      setAmount('');
    }
  };
  return (
    <li class="card">
      <h2>
        Invoice {invoice().number} <small>{humanize(invoice().status)}</small>
      </h2>
      <p>
        {issued() ? `Issued ${formatDayOf(issued()!)} · ` : ''}total {formatMoney(invoice().totalMinor, invoice().currency)} · you owe{' '}
        <strong>{formatMoney(owed(), invoice().currency)}</strong>
        {due() ? ` by ${formatDate(due()!)}` : ''}
      </p>
      <div class="actions">
        <PdfButton kind="invoice" id={invoice().id} label="Download invoice" />
        <For each={invoice().payments}>{(p) => <PdfButton kind="receipt" id={p.id} label={`Receipt ${p.number}`} />}</For>
      </div>
      <Show when={owed() > 0 && invoice().status !== 'DRAFT' && invoice().status !== 'VOID'}>
        <form onSubmit={submit} aria-label={`Pay invoice ${invoice().number}`} class="row" novalidate>
          <Field label={`Amount (${invoice().currency})`} hint="Leave empty to pay it all">
            {(c) => <input {...c} inputmode="decimal" value={amount()} onInput={(e) => setAmount(e.currentTarget.value)} />}
          </Field>
          <button type="submit" disabled={state.fetching}>
            {state.fetching ? 'Paying…' : 'Pay now'}
          </button>
        </form>
      </Show>
      <ErrorNotice error={invalid() ?? state.error} />
      <Status when={state.data}>Paid. Receipt {state.data?.payInvoice.number}.</Status>
    </li>
  );
}
