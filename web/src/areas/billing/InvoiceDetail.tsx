import { useParams } from '@solidjs/router';
import { createMutation, createQuery } from '@urql/solid';
import { createSignal, For, Show } from 'solid-js';
import { useFacilityZone } from '../../features/facilities.ts';
import { PdfButton } from '../../features/invoices/PdfButton.tsx';
import { formatMoney, formatZonedDateTime } from '../../lib/format.ts';
import { readFragment } from '../../lib/graphql.ts';
import { CLAIM_STATUS, INVOICE_STATUS, PAYMENT_METHOD } from '../../lib/labels/finance.ts';
import { nameOr } from '../../lib/unavailable.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { AddChargesForm } from './AddChargesForm.tsx';
import { ApplyCreditForm } from './ApplyCreditForm.tsx';
import { CreditNoteForm } from './CreditNoteForm.tsx';
import { DiscountForm } from './DiscountForm.tsx';
import { InsurancePanel } from './InsurancePanel.tsx';
import { INVOICE, INVOICE_DETAIL, ISSUE, VOID } from './invoice-queries.ts';
import { LineDiscountForm } from './LineDiscountForm.tsx';
import { PaymentForm } from './PaymentForm.tsx';
import { RemoveLineButton } from './RemoveLineButton.tsx';

/** One invoice: lines, payments, credit notes and claims; issue, take payment, correct. */
export function InvoiceDetail() {
  const zone = useFacilityZone();
  const params = useParams<{ id: string }>();
  const [result] = createQuery({ query: INVOICE, variables: () => ({ id: params.id }) });
  const invoice = () => (result.data ? readFragment(INVOICE_DETAIL, result.data.invoice) : null);
  const [issued, issue] = createMutation(ISSUE);
  const [voided, voidIt] = createMutation(VOID);
  const [voidReason, setVoidReason] = createSignal('');
  const money = (minor: number) => formatMoney(minor, invoice()?.currency ?? 'USD');
  return (
    <section class="page wide">
      <Loaded result={result}>
        {(data) => {
          const inv = () => readFragment(INVOICE_DETAIL, data().invoice);
          const payable = () => inv().status === 'ISSUED' || inv().status === 'PARTIALLY_PAID';
          return (
            <>
              <h1>
                Invoice {inv().number} · {INVOICE_STATUS[inv().status]}
              </h1>
              <p>
                {nameOr(inv().patient, 'Patient')} · total {money(inv().totalMinor)} · paid {money(inv().paidMinor)} · credited {money(inv().creditedMinor)} ·
                balance <strong>{money(inv().balanceMinor)}</strong>
              </p>
              <div class="actions">
                <PdfButton kind="invoice" id={inv().id} label="Download PDF" />
                <Show when={inv().status === 'DRAFT'}>
                  <button type="button" onClick={() => issue({ id: inv().id })} disabled={issued.fetching}>
                    Issue invoice
                  </button>
                </Show>
              </div>
              <ErrorNotice error={issued.error} />
              <ScrollTable label="Invoice lines">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Item</th>
                      <th scope="col">Qty</th>
                      <th scope="col">Price</th>
                      <th scope="col">Total</th>
                      <th scope="col">Credited</th>
                      <Show when={inv().status === 'DRAFT'}>
                        <th scope="col">
                          <span class="visually-hidden">Actions</span>
                        </th>
                      </Show>
                    </tr>
                  </thead>
                  <tbody>
                    <For
                      each={inv().lines}
                      fallback={
                        <tr>
                          <td colSpan={5}>No lines.</td>
                        </tr>
                      }
                    >
                      {(l) => (
                        <tr>
                          <th scope="row">
                            {l.description} <small>{l.code}</small>
                          </th>
                          <td class="number">{l.quantity}</td>
                          <td class="number">{money(l.unitPriceMinor)}</td>
                          <td class="number">{money(l.totalMinor)}</td>
                          <td class="number">{l.creditedMinor ? money(l.creditedMinor) : ''}</td>
                          <Show when={inv().status === 'DRAFT'}>
                            <td>
                              <RemoveLineButton lineId={l.id} label={l.description} />
                            </td>
                          </Show>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </ScrollTable>
              <h2>Payments</h2>
              <ul>
                <For each={inv().payments} fallback={<li class="empty">No payments.</li>}>
                  {(p) => (
                    <li>
                      {p.number} · {PAYMENT_METHOD[p.method]} · {money(p.appliedMinor)} · {formatZonedDateTime(p.createdAt, zone())}{' '}
                      <PdfButton kind="receipt" id={p.id} label="Receipt" />
                    </li>
                  )}
                </For>
              </ul>
              <Show when={inv().creditNotes.length}>
                <h2>Credit notes</h2>
                <ul>
                  <For each={inv().creditNotes}>
                    {(c) => (
                      <li>
                        {c.number} · {money(c.totalMinor)} · {c.reason}
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
              <Show when={inv().claims.length}>
                <h2>Claims</h2>
                <ul>
                  <For each={inv().claims}>
                    {(c) => (
                      <li>
                        {c.number} · {c.payer} · {CLAIM_STATUS[c.status]} · {money(c.claimedMinor)}
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
              <div class="grid">
                <Show when={payable()}>
                  <PaymentForm invoice={inv()} />
                  <ApplyCreditForm invoice={inv()} />
                  <CreditNoteForm invoice={inv()} />
                </Show>
                <Show when={inv().status === 'DRAFT'}>
                  <DiscountForm invoice={inv()} />
                  <Show when={inv().lines.length}>
                    <LineDiscountForm invoice={inv()} />
                  </Show>
                  <AddChargesForm invoice={inv()} />
                </Show>
                <Show when={inv().status !== 'DRAFT' && inv().status !== 'VOID'}>
                  <InsurancePanel invoice={inv()} />
                </Show>
                <Show when={!inv().locked && (inv().status === 'DRAFT' || inv().status === 'ISSUED')}>
                  <div class="card">
                    <h2>Void</h2>
                    <Field label="Reason">{(c) => <input {...c} value={voidReason()} onInput={(e) => setVoidReason(e.currentTarget.value)} />}</Field>
                    <button
                      type="button"
                      class="danger"
                      disabled={!voidReason().trim() || voided.fetching}
                      onClick={() => voidIt({ id: inv().id, reason: voidReason().trim() })}
                    >
                      Void invoice
                    </button>
                    <ErrorNotice error={voided.error} />
                  </div>
                </Show>
              </div>
            </>
          );
        }}
      </Loaded>
    </section>
  );
}
