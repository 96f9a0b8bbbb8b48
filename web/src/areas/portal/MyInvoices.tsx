import { createQuery } from '@urql/solid';
import { For } from 'solid-js';
import { useFacilityZone } from '../../features/facilities.ts';
import { PdfButton } from '../../features/invoices/PdfButton.tsx';
import { formatDate, formatDayOf, formatMoney } from '../../lib/format.ts';
import { type FragmentOf, readFragment } from '../../lib/graphql.ts';
import { INVOICE_STATUS } from '../../lib/labels/finance.ts';
import { Loaded } from '../../ui/Loaded.tsx';
import { MyInvoicesPayForm } from './MyInvoicesPayForm.tsx';
import { MY_INVOICE_FIELDS, MY_INVOICES } from './MyInvoicesQueries.ts';

/** The patient's invoices: pay what is owed by card, download invoices and receipts. */
export function MyInvoices() {
  const [result] = createQuery({ query: MY_INVOICES });
  return (
    <section class="page" aria-labelledby="my-invoices-title">
      <h1 id="my-invoices-title">My invoices</h1>
      <Loaded result={result} isEmpty={(d) => !d.invoices.nodes.length} empty="You have no invoices.">
        {(data) => {
          const nodes = () => data().invoices.nodes;
          const idOf = (node: FragmentOf<typeof MY_INVOICE_FIELDS>) => readFragment(MY_INVOICE_FIELDS, node).id;
          // Keyed by id, so a refetch after a payment keeps each card (and its outcome) in place.
          return (
            <ul class="cards">
              <For each={nodes().map(idOf)}>{(id) => <InvoiceCard invoice={nodes().find((n) => idOf(n) === id)!} />}</For>
            </ul>
          );
        }}
      </Loaded>
    </section>
  );
}

function InvoiceCard(props: { invoice: FragmentOf<typeof MY_INVOICE_FIELDS> }) {
  const zone = useFacilityZone();
  const invoice = () => readFragment(MY_INVOICE_FIELDS, props.invoice);
  const owed = () => invoice().patientBalanceMinor;
  const issued = () => invoice().issuedAt;
  const due = () => invoice().dueDate;
  return (
    <li class="card">
      <h2>
        Invoice {invoice().number} <small>{INVOICE_STATUS[invoice().status]}</small>
      </h2>
      <p>
        {issued() ? `Issued ${formatDayOf(issued()!, zone())} · ` : ''}total {formatMoney(invoice().totalMinor, invoice().currency)} · you owe{' '}
        <strong>{formatMoney(owed(), invoice().currency)}</strong>
        {due() ? ` by ${formatDate(due()!)}` : ''}
      </p>
      <div class="actions">
        <PdfButton kind="invoice" id={invoice().id} label="Download invoice" />
        <For each={invoice().payments}>{(p) => <PdfButton kind="receipt" id={p.id} label={`Receipt ${p.number}`} />}</For>
      </div>
      <MyInvoicesPayForm
        invoice={{ id: invoice().id, number: invoice().number, currency: invoice().currency, owedMinor: owed() }}
        payable={owed() > 0 && invoice().status !== 'DRAFT' && invoice().status !== 'VOID'}
      />
    </li>
  );
}
