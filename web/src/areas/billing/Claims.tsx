import { createMutation, createQuery } from '@urql/solid';
import { createSignal, For, Show } from 'solid-js';
import { downloadText } from '../../lib/download.ts';
import { formatMoney } from '../../lib/format.ts';
import { readFragment } from '../../lib/graphql.ts';
import { CLAIM_STATUS } from '../../lib/labels/finance.ts';
import { nameOr } from '../../lib/unavailable.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { Status } from '../../ui/Status.tsx';
import { ClaimWork } from './ClaimWork.tsx';
import { CLAIM_FIELDS, CLAIMS, SUBMIT_CLAIMS } from './claim-queries.ts';
import { SubmissionDownload } from './SubmissionDownload.tsx';

/** Insurance claims; drafts are submitted together as one CSV file for the payer. */
export function Claims() {
  const [result, refetch] = createQuery({ query: CLAIMS });
  const claims = () => readFragment(CLAIM_FIELDS, result.data?.claims ?? []);
  const [chosen, setChosen] = createSignal<string[]>([]);
  const [state, submit] = createMutation(SUBMIT_CLAIMS);
  const send = async () => {
    const r = await submit({ claimIds: chosen() });
    if (!r.data) return;
    downloadText(r.data.submitClaims.fileName, r.data.submitClaims.csv);
    setChosen([]);
    reload();
  };
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <section class="page wide" aria-labelledby="claims-title">
      <h1 id="claims-title">Claims</h1>
      <Loaded result={result} isEmpty={(d) => !d.claims.length} empty="No claims yet.">
        {() => (
          <ScrollTable label="Claims">
            <table>
              <thead>
                <tr>
                  <th scope="col">Submit</th>
                  <th scope="col">Claim</th>
                  <th scope="col">Patient</th>
                  <th scope="col">Payer</th>
                  <th scope="col">Status</th>
                  <th scope="col">Claimed</th>
                  <th scope="col">Approved</th>
                  <th scope="col">Paid</th>
                </tr>
              </thead>
              <tbody>
                <For each={claims()}>
                  {(c) => (
                    <tr>
                      <td>
                        <input
                          type="checkbox"
                          aria-label={`Submit ${c.number}`}
                          disabled={c.status !== 'DRAFT'}
                          checked={chosen().includes(c.id)}
                          onChange={(e) => setChosen((l) => (e.currentTarget.checked ? [...l, c.id] : l.filter((id) => id !== c.id)))}
                        />
                      </td>
                      <th scope="row">{c.number}</th>
                      <td>{nameOr(c.patient, 'Patient')}</td>
                      <td>{c.payer}</td>
                      <td>
                        {CLAIM_STATUS[c.status]}
                        {c.denialReason ? ` — ${c.denialReason}` : ''}
                      </td>
                      <td class="number">{formatMoney(c.claimedMinor, c.currency)}</td>
                      <td class="number">{c.approvedMinor === null ? '—' : formatMoney(c.approvedMinor, c.currency)}</td>
                      <td class="number">{formatMoney(c.paidMinor, c.currency)}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </ScrollTable>
        )}
      </Loaded>
      <button type="button" onClick={send} disabled={!chosen().length || state.fetching}>
        Submit {chosen().length || ''} claim(s) and download the file
      </button>
      <ErrorNotice error={state.error} />
      <Status when={state.data}>Submitted {state.data?.submitClaims.claimCount} claim(s).</Status>
      <Show when={state.data?.submitClaims}>{(s) => <SubmissionDownload submissionId={s().id} number={s().number} />}</Show>
      <ClaimWork claims={claims()} onDone={reload} />
    </section>
  );
}
