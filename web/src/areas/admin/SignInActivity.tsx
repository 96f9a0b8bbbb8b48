import { createQuery } from '@urql/solid';
import { createSignal, For } from 'solid-js';
import { useFacilityZone } from '../../features/facilities.ts';
import { formatDateTime, withZone } from '../../lib/format.ts';
import { graphql, readFragment } from '../../lib/graphql.ts';
import type { EnumOf } from '../../lib/labels/enum.ts';
import { SIGN_IN_OUTCOME } from '../../lib/labels/people.ts';
import { type CursorPage, CursorPages, MoreRow } from '../../ui/CursorPages.tsx';
import { Field } from '../../ui/Field.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { ACCOUNT_FIELDS, ACCOUNTS } from './account-queries.ts';

export const SIGN_IN_ACTIVITY = graphql(`
  query SignInActivity($filter: SignInActivityFilter, $first: Int, $after: String) {
    signInActivity(filter: $filter, first: $first, after: $after) {
      nodes { id at outcome reason ip accountId account { displayName email } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

type Outcome = EnumOf<'SignInOutcome'>;
const OUTCOMES = Object.keys(SIGN_IN_OUTCOME) as Outcome[];

/** Sign-ins, refused sign-ins, lockouts and wrong two-step codes across accounts, newest first. */
export function SignInActivity() {
  const zone = useFacilityZone();
  const [outcome, setOutcome] = createSignal<Outcome | ''>('');
  const [accountId, setAccountId] = createSignal('');
  const [accounts] = createQuery({ query: ACCOUNTS, variables: { first: 100 } });
  const filter = () => ({ ...(outcome() ? { outcome: outcome() as Outcome } : {}), ...(accountId() ? { accountId: accountId() } : {}) });
  return (
    <section class="page wide" aria-labelledby="sign-in-activity-title">
      <h1 id="sign-in-activity-title">Sign-in activity</h1>
      <div class="toolbar">
        <Field label="Result">
          {(c) => (
            <select {...c} value={outcome()} onChange={(e) => setOutcome(e.currentTarget.value as Outcome | '')}>
              <option value="">Any</option>
              <For each={OUTCOMES}>{(o) => <option value={o}>{SIGN_IN_OUTCOME[o]}</option>}</For>
            </select>
          )}
        </Field>
        <Field label="Account">
          {(c) => (
            <select {...c} value={accountId()} onChange={(e) => setAccountId(e.currentTarget.value)}>
              <option value="">Every account</option>
              <For each={readFragment(ACCOUNT_FIELDS, accounts.data?.accounts?.nodes ?? [])}>
                {(a) => <option value={a.id}>{`${a.displayName} (${a.email})`}</option>}
              </For>
            </select>
          )}
        </Field>
      </div>
      <ScrollTable label="Sign-in activity">
        <table>
          <thead>
            <tr>
              <th scope="col">{withZone('When', zone())}</th>
              <th scope="col">Account</th>
              <th scope="col">Result</th>
              <th scope="col">Why</th>
              <th scope="col">From</th>
            </tr>
          </thead>
          <CursorPages restart={filter()}>{(page) => <ActivityRows filter={filter()} page={page} />}</CursorPages>
        </table>
      </ScrollTable>
    </section>
  );
}

function ActivityRows(props: { filter: { outcome?: Outcome; accountId?: string }; page: CursorPage }) {
  const zone = useFacilityZone();
  const [result] = createQuery({ query: SIGN_IN_ACTIVITY, variables: () => ({ filter: props.filter, first: 50, after: props.page.after }) });
  return (
    <tbody>
      <Loaded result={result} isEmpty={(d) => !d.signInActivity.nodes.length} empty="No sign-in activity matches.">
        {(data) => (
          <>
            <For each={data().signInActivity.nodes}>
              {(e) => (
                <tr classList={{ flagged: e.outcome !== 'SUCCEEDED' }}>
                  <td>{formatDateTime(e.at, zone())}</td>
                  <td>{e.account ? `${e.account.displayName} (${e.account.email})` : 'No such account'}</td>
                  <td>{SIGN_IN_OUTCOME[e.outcome]}</td>
                  <td>{e.reason ?? ''}</td>
                  <td>{e.ip ?? '—'}</td>
                </tr>
              )}
            </For>
            <MoreRow page={props.page} pageInfo={data().signInActivity.pageInfo} columns={5} label="Load older sign-ins" />
          </>
        )}
      </Loaded>
    </tbody>
  );
}
