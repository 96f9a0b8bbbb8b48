import { createQuery } from '@urql/solid';
import { For } from 'solid-js';
import { formatDateTime, formatMoney, humanize } from '../../lib/format.ts';
import { Loaded } from '../../ui/Loaded.tsx';
import { PATIENT_STATEMENT } from './queries.ts';
import { StatementPdfButton } from './StatementPdfButton.tsx';

/** One patient's account, per currency: every invoice, payment, credit and refund with the running balance. */
export function StatementView(props: { patientId?: string }) {
  const [result] = createQuery({ query: PATIENT_STATEMENT, variables: () => ({ patientId: props.patientId ?? null }) });
  return (
    <Loaded result={result} isEmpty={(d) => !d.patientStatement.length} empty="Nothing billed yet.">
      {(data) => (
        <For each={data().patientStatement}>
          {(s) => {
            const money = (minor: number) => formatMoney(minor, s.currency);
            return (
              <>
                <table>
                  <caption>
                    {s.currency}: owes {money(s.outstandingMinor)} · credit {money(s.creditMinor)} · awaiting insurance {money(s.insurancePendingMinor)} ·
                    balance {money(s.closingBalanceMinor)}
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
                <StatementPdfButton patientId={props.patientId} currency={s.currency} />
              </>
            );
          }}
        </For>
      )}
    </Loaded>
  );
}
