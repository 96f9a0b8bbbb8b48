import { Navigate, useLocation } from '@solidjs/router';
import { createMutation, createQuery } from '@urql/solid';
import { For, Show } from 'solid-js';
import { useApp } from '../lib/app-context.ts';
import { formatDateTime } from '../lib/format.ts';
import { SIGN_IN_OUTCOME } from '../lib/labels/people.ts';
import { listsOf } from '../lib/lists.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { Loaded } from '../ui/Loaded.tsx';
import { ScrollTable } from '../ui/ScrollTable.tsx';
import { END_SESSION, MY_SESSIONS, type SessionItem } from './session-queries.ts';

/** `/account/sessions`: where one is signed in (and ending any of those sessions), and one's recent sign-ins. Everyone has it. */
export function MySessions() {
  const { session } = useApp();
  const location = useLocation();
  return (
    <Show when={session.account()} fallback={<Navigate href={`/sign-in?next=${encodeURIComponent(location.pathname)}`} />}>
      <SessionsPage />
    </Show>
  );
}

function SessionsPage() {
  const [result, refetch] = createQuery({ query: MY_SESSIONS, context: listsOf('SignInSession', 'SignIn') });
  const [ended, end] = createMutation(END_SESSION);
  const endOne = async (s: SessionItem) => {
    const answer = await end({ id: s.id });
    if (!answer.error) refetch({ requestPolicy: 'network-only' });
  };
  return (
    <section class="page narrow" aria-labelledby="sessions-title">
      <h1 id="sessions-title">Sessions</h1>
      <p class="muted">Where you are signed in. Ending a session signs that device out at once.</p>
      <ErrorNotice error={ended.error} />
      <Loaded result={result} isEmpty={(d) => !d.mySessions.length} empty="You are signed in nowhere else.">
        {(data) => (
          <>
            <ScrollTable label="Signed in">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Device</th>
                    <th scope="col">From</th>
                    <th scope="col">Signed in</th>
                    <th scope="col">Last used</th>
                    <th scope="col">
                      <span class="visually-hidden">Action</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <For each={data().mySessions}>
                    {(s) => (
                      <tr>
                        <th scope="row">{s.device}</th>
                        <td>{s.ip ?? '—'}</td>
                        <td>{formatDateTime(s.createdAt)}</td>
                        <td>{formatDateTime(s.lastUsedAt)}</td>
                        <td>
                          {s.current ? (
                            <small class="muted">This device</small>
                          ) : (
                            <button
                              type="button"
                              class="secondary"
                              disabled={ended.fetching}
                              aria-label={`End the session on ${s.device}`}
                              onClick={() => endOne(s)}
                            >
                              End
                            </button>
                          )}
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </ScrollTable>
            <h2>Recent sign-ins</h2>
            <ScrollTable label="Recent sign-ins">
              <table>
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Result</th>
                    <th scope="col">From</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={data().mySignIns}>
                    {(s) => (
                      <tr>
                        <td>{formatDateTime(s.at)}</td>
                        <td>{SIGN_IN_OUTCOME[s.outcome]}</td>
                        <td>{s.ip ?? '—'}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </ScrollTable>
          </>
        )}
      </Loaded>
    </section>
  );
}
