import { createQuery } from '@urql/solid';
import { For } from 'solid-js';
import { formatDateTime, formatMoney, withZone } from '../../lib/format.ts';
import { STATEMENT_ENTRY_KIND } from '../../lib/labels/finance.ts';
import { Loaded } from '../../ui/Loaded.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { useFacilityZone } from '../facilities.ts';
import { PATIENT_STATEMENT } from './queries.ts';
import { StatementPdfButton } from './StatementPdfButton.tsx';

/** One patient's account, per currency: every invoice, payment, credit and refund with the running balance. */
export function StatementView(props: { patientId?: string }) {
  const zone = useFacilityZone();
  const [result] = createQuery({ query: PATIENT_STATEMENT, variables: () => ({ patientId: props.patientId ?? null }) });
  return (
    <Loaded result={result} isEmpty={(d) => !d.patientStatement.length} empty="Nothing billed yet.">
      {(data) => (
        <For each={data().patientStatement}>
          {(s) => {
            const money = (minor: number) => formatMoney(minor, s.currency);
            return (
              <>
                <ScrollTable label={`Statement in ${s.currency}`}>
                  <table>
                    <caption>
                      {s.currency}: owes {money(s.outstandingMinor)} · credit {money(s.creditMinor)} · awaiting insurance {money(s.insurancePendingMinor)} ·
                      balance {money(s.closingBalanceMinor)}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">{withZone('When', zone())}</th>
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
                            <td>{formatDateTime(e.at, zone())}</td>
                            <td>
                              {STATEMENT_ENTRY_KIND[e.kind]} · {e.description}
                            </td>
                            <th scope="row">{e.reference}</th>
                            <td class="number">{money(e.amountMinor)}</td>
                            <td class="number">{money(e.balanceMinor)}</td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </ScrollTable>
                <StatementPdfButton patientId={props.patientId} currency={s.currency} />
              </>
            );
          }}
        </For>
      )}
    </Loaded>
  );
}
