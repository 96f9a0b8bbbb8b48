import { createQuery } from '@urql/solid';
import { createSignal, For, Show } from 'solid-js';
import { PatientPicker, type PatientSummary } from '../../features/patients/PatientPicker.tsx';
import { formatDateTime, formatMoney, humanize } from '../../lib/format.ts';
import { graphql } from '../../lib/graphql.ts';
import { Loaded } from '../../ui/Loaded.tsx';

export const PATIENT_STATEMENT = graphql(`
  query PatientStatement($patientId: ID!) {
    patientStatement(patientId: $patientId) {
      currency openingBalanceMinor closingBalanceMinor outstandingMinor creditMinor insurancePendingMinor
      entries { at kind reference description amountMinor balanceMinor }
    }
  }
`);

/** One patient's account, per currency: every invoice, payment, credit and refund with the running balance. */
export function StatementView(props: { patientId: string }) {
  const [result] = createQuery({ query: PATIENT_STATEMENT, variables: () => ({ patientId: props.patientId }) });
  return (
    <Loaded result={result} isEmpty={(d) => !d.patientStatement.length} empty="Nothing billed to this patient yet.">
      {(data) => (
        <For each={data().patientStatement}>
          {(s) => {
            const money = (minor: number) => formatMoney(minor, s.currency);
            return (
              <table>
                <caption>
                  {s.currency}: owes {money(s.outstandingMinor)} · credit {money(s.creditMinor)} · awaiting insurance {money(s.insurancePendingMinor)} · balance{' '}
                  {money(s.closingBalanceMinor)}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">What</th>
                    <th scope="col">Reference</th>
                    <th scope="col">Amount</th>
                    <th scope="col">Balance</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={s.entries}>
                    {(e) => (
                      <tr>
                        <td>{formatDateTime(e.at)}</td>
                        <td>
                          {humanize(e.kind)} · {e.description}
                        </td>
                        <th scope="row">{e.reference}</th>
                        <td class="number">{money(e.amountMinor)}</td>
                        <td class="number">{money(e.balanceMinor)}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            );
          }}
        </For>
      )}
    </Loaded>
  );
}

/** Pick a patient and read their statement. */
export function Statement() {
  const [patient, setPatient] = createSignal<PatientSummary | null>(null);
  return (
    <section class="page wide" aria-labelledby="statement-title">
      <h1 id="statement-title">Patient statement</h1>
      <PatientPicker selected={patient()} onSelect={setPatient} />
      <Show when={patient()}>{(p) => <StatementView patientId={p().id} />}</Show>
    </section>
  );
}
