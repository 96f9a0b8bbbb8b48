import { createMutation, createQuery, gql } from '@urql/solid';
import { createSignal, For, Show } from 'solid-js';
import { INVOICE_SUMMARY, type InvoiceSummary } from '../../features/invoices/fields.ts';
import { PdfButton } from '../../features/invoices/PdfButton.tsx';
import { formatDate, formatMoney, humanize, parseMoney } from '../../lib/format.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { Status } from '../../ui/Status.tsx';

export const MY_INVOICES = gql`
  query MyInvoices {
    invoices(first: 50) { nodes { ${INVOICE_SUMMARY} payments { id number appliedMinor createdAt } } }
  }
`;

export const PAY = gql`
  mutation PayInvoice($invoiceId: ID!, $amountMinor: Int!, $idempotencyKey: String!) {
    payInvoice(invoiceId: $invoiceId, amountMinor: $amountMinor, idempotencyKey: $idempotencyKey) { id number invoice { ${INVOICE_SUMMARY} } }
  }
`;

type MyInvoice = InvoiceSummary & { payments: { id: string; number: string; appliedMinor: number; createdAt: string }[] };

/** The patient's invoices: pay what is owed, download invoices and receipts. */
export function MyInvoices() {
  const [result] = createQuery<{ invoices: { nodes: MyInvoice[] } }>({ query: MY_INVOICES });
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

function InvoiceCard(props: { invoice: MyInvoice }) {
  const [amount, setAmount] = createSignal('');
  const [invalid, setInvalid] = createSignal<string | null>(null);
  const [state, pay] = createMutation<{ payInvoice: { number: string } }>(PAY);
  let key = crypto.randomUUID();
  const owed = () => props.invoice.patientBalanceMinor;
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const minor = amount().trim() ? parseMoney(amount(), props.invoice.currency) : owed();
    setInvalid(minor === null || minor <= 0 || minor > owed() ? `Enter an amount up to ${formatMoney(owed(), props.invoice.currency)}.` : null);
    if (invalid()) return;
    const result = await pay({ invoiceId: props.invoice.id, amountMinor: minor, idempotencyKey: key });
    if (result.data) {
      key = crypto.randomUUID();
      setAmount('');
    }
  };
  return (
    <li class="card">
      <h2>
        Invoice {props.invoice.number} <small>{humanize(props.invoice.status)}</small>
      </h2>
      <p>
        {props.invoice.issuedAt ? `Issued ${formatDate(props.invoice.issuedAt.slice(0, 10))} · ` : ''}total{' '}
        {formatMoney(props.invoice.totalMinor, props.invoice.currency)} · you owe <strong>{formatMoney(owed(), props.invoice.currency)}</strong>
        {props.invoice.dueDate ? ` by ${formatDate(props.invoice.dueDate)}` : ''}
      </p>
      <div class="actions">
        <PdfButton kind="invoice" id={props.invoice.id} label="Download invoice" />
        <For each={props.invoice.payments}>{(p) => <PdfButton kind="receipt" id={p.id} label={`Receipt ${p.number}`} />}</For>
      </div>
      <Show when={owed() > 0 && props.invoice.status !== 'DRAFT' && props.invoice.status !== 'VOID'}>
        <form onSubmit={submit} aria-label={`Pay invoice ${props.invoice.number}`} class="row" novalidate>
          <Field label={`Amount (${props.invoice.currency})`} hint="Leave empty to pay it all">
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
