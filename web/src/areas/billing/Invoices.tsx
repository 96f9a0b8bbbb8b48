import { A, useNavigate } from '@solidjs/router';
import { createMutation, createQuery } from '@urql/solid';
import { createSignal, For } from 'solid-js';
import { useFacilityZone } from '../../features/facilities.ts';
import { INVOICE_SUMMARY, INVOICES } from '../../features/invoices/fields.ts';
import { PatientPicker, type PatientSummary } from '../../features/patients/PatientPicker.tsx';
import { formatDayOf, formatMoney } from '../../lib/format.ts';
import { graphql, readFragment, type VariablesOf } from '../../lib/graphql.ts';
import { INVOICE_STATUS } from '../../lib/labels/finance.ts';
import { nameOr } from '../../lib/unavailable.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';

export const CREATE_DRAFT = graphql(`
  mutation CreateDraftInvoice($input: DraftInvoiceInput!) {
    createDraftInvoice(input: $input) { id }
  }
`);

type InvoiceStatus = NonNullable<VariablesOf<typeof INVOICES>['status']>;
const STATUSES: readonly InvoiceStatus[] = ['DRAFT', 'ISSUED', 'PARTIALLY_PAID', 'PAID', 'CREDITED', 'VOID'];

/** All invoices, newest first, by status; and a new draft from a patient's uncharged items. */
export function Invoices() {
  const zone = useFacilityZone();
  const navigate = useNavigate();
  const [status, setStatus] = createSignal<InvoiceStatus | ''>('');
  const [patient, setPatient] = createSignal<PatientSummary | null>(null);
  const [result] = createQuery({
    query: INVOICES,
    variables: () => ({ status: status() || null, patientId: patient()?.id ?? null, first: 50 }),
  });
  const [drafting, draft] = createMutation(CREATE_DRAFT);
  const newDraft = async () => {
    const r = await draft({ input: { patientId: patient()!.id } });
    if (r.data) navigate(`/billing/invoices/${r.data.createDraftInvoice.id}`);
  };
  return (
    <section class="page wide" aria-labelledby="invoices-title">
      <h1 id="invoices-title">Invoices</h1>
      <div class="toolbar">
        <Field label="Status">
          {(c) => (
            <select {...c} value={status()} onChange={(e) => setStatus(e.currentTarget.value as InvoiceStatus | '')}>
              <option value="">All</option>
              <For each={STATUSES}>
                {(s) => (
                  <option value={s} selected={s === status()}>
                    {INVOICE_STATUS[s]}
                  </option>
                )}
              </For>
            </select>
          )}
        </Field>
        <PatientPicker selected={patient()} onSelect={setPatient} label="Patient (optional)" />
        <button type="button" onClick={newDraft} disabled={!patient() || drafting.fetching}>
          New draft from uncharged items
        </button>
      </div>
      <ErrorNotice error={drafting.error} />
      <Loaded result={result} isEmpty={(d) => !d.invoices.nodes.length} empty="No invoices match.">
        {(data) => (
          <ScrollTable label="Invoices">
            <table>
              <thead>
                <tr>
                  <th scope="col">Number</th>
                  <th scope="col">Patient</th>
                  <th scope="col">Status</th>
                  <th scope="col">Issued</th>
                  <th scope="col">Total</th>
                  <th scope="col">Balance</th>
                </tr>
              </thead>
              <tbody>
                <For each={readFragment(INVOICE_SUMMARY, data().invoices.nodes)}>
                  {(i) => (
                    <tr>
                      <th scope="row">
                        <A href={`/billing/invoices/${i.id}`}>{i.number}</A>
                      </th>
                      <td>{nameOr(i.patient, 'Patient')}</td>
                      <td>{INVOICE_STATUS[i.status]}</td>
                      <td>{i.issuedAt ? formatDayOf(i.issuedAt, zone()) : '—'}</td>
                      <td class="number">{formatMoney(i.totalMinor, i.currency)}</td>
                      <td class="number">{formatMoney(i.balanceMinor, i.currency)}</td>
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
