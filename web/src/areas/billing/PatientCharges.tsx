import { A } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { For, Show } from 'solid-js';
import { formatDate, formatMoney } from '../../lib/format.ts';
import { CHARGE_STATUS } from '../../lib/labels/finance.ts';
import { Loaded } from '../../ui/Loaded.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { CHARGE_CHANGES, PATIENT_CHARGES } from './account-queries.ts';
import { VoidChargeForm } from './VoidChargeForm.tsx';

/** A patient's charges, newest first: what is pending can be voided; what is invoiced links to its invoice. */
export function PatientCharges(props: { patientId: string }) {
  const [result] = createQuery({ query: PATIENT_CHARGES, variables: () => ({ patientId: props.patientId }), context: CHARGE_CHANGES });
  return (
    <section aria-label="Charges">
      <h2>Charges</h2>
      <Loaded result={result} isEmpty={(d) => !d.charges.nodes.length} empty="No charges for this patient.">
        {(data) => (
          <ScrollTable label="Charges">
            <table>
              <thead>
                <tr>
                  <th scope="col">Service</th>
                  <th scope="col">Date</th>
                  <th scope="col">Qty</th>
                  <th scope="col">Price</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span class="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={data().charges.nodes}>
                  {(c) => (
                    <tr>
                      <th scope="row">
                        {c.description} <small>{c.code}</small>
                      </th>
                      <td>{formatDate(c.serviceDate)}</td>
                      <td class="number">{c.quantity}</td>
                      <td class="number">{c.unpriced ? 'Unpriced' : formatMoney(c.unitPriceMinor, c.currency)}</td>
                      <td>
                        {CHARGE_STATUS[c.status]}
                        {c.voidReason ? ` · ${c.voidReason}` : ''}
                        <Show when={c.invoiceId}>
                          {(id) => (
                            <>
                              {' · '}
                              <A href={`/billing/invoices/${id()}`}>invoice</A>
                            </>
                          )}
                        </Show>
                      </td>
                      <td>
                        <Show when={c.status === 'PENDING'}>
                          <VoidChargeForm chargeId={c.id} label={c.description} />
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
    </section>
  );
}
