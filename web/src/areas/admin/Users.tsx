import { createMutation, createQuery } from '@urql/solid';
import { createSignal, For } from 'solid-js';
import { useFacilityZone } from '../../features/facilities.ts';
import { useApp } from '../../lib/app-context.ts';
import { formatDateTime, withZone } from '../../lib/format.ts';
import { readFragment } from '../../lib/graphql.ts';
import { ACCOUNT_STATUS, ROLE } from '../../lib/labels/people.ts';
import type { Role } from '../../lib/roles.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { Status } from '../../ui/Status.tsx';
import {
  ACCOUNT_FIELDS,
  ACCOUNTS,
  type AccountRow,
  DEACTIVATE,
  END_ACCOUNT_SESSIONS,
  grantableRoles,
  REACTIVATE,
  SEND_RESET_LINK,
  STAFF_ROLES,
  UPDATE_ACCOUNT,
} from './account-queries.ts';
import { CreateAccountForm } from './CreateAccountForm.tsx';
import { MfaPolicyForm } from './MfaPolicyForm.tsx';
import { ResetMfaButton } from './ResetMfaButton.tsx';

/** Accounts and their roles: search, change roles, deactivate or reactivate, send a staff member a reset link, create. */
export function Users() {
  const zone = useFacilityZone();
  const { session } = useApp();
  /** Only a network admin gives or takes network-wide access; others see it and cannot change it. */
  const mayChange = (r: Role) => grantableRoles(session.account()?.roles ?? []).includes(r);
  const [search, setSearch] = createSignal('');
  const [role, setRole] = createSignal<Role | ''>('');
  const [result, refetch] = createQuery({
    query: ACCOUNTS,
    variables: () => ({ search: search().trim() || null, role: role() || null, first: 50 }),
  });
  const [updated, update] = createMutation(UPDATE_ACCOUNT);
  const [deactivated, deactivate] = createMutation(DEACTIVATE);
  const [reactivated, reactivate] = createMutation(REACTIVATE);
  const [linkSent, sendLink] = createMutation(SEND_RESET_LINK);
  const [sentTo, setSentTo] = createSignal<string | null>(null);
  const [sessionsEnded, endSessions] = createMutation(END_ACCOUNT_SESSIONS);
  const [signedOut, setSignedOut] = createSignal<{ name: string; count: number } | null>(null);
  const endAllSessions = async (a: AccountRow) => {
    setSignedOut(null);
    const result = await endSessions({ accountId: a.id });
    if (typeof result.data?.endAccountSessions === 'number') setSignedOut({ name: a.displayName, count: result.data.endAccountSessions });
  };
  const sendResetLink = async (a: AccountRow) => {
    setSentTo(null);
    const result = await sendLink({ id: a.id });
    if (result.data?.sendPasswordResetLink) setSentTo(a.email);
  };
  const toggleRole = (a: AccountRow, r: Role, on: boolean) => update({ id: a.id, input: { roles: on ? [...a.roles, r] : a.roles.filter((x) => x !== r) } });
  return (
    <section class="page wide" aria-labelledby="users-title">
      <h1 id="users-title">Users and roles</h1>
      <div class="toolbar">
        <Field label="Search">{(c) => <input {...c} type="search" value={search()} onInput={(e) => setSearch(e.currentTarget.value)} />}</Field>
        <Field label="Role">
          {(c) => (
            <select {...c} value={role()} onChange={(e) => setRole(e.currentTarget.value as Role | '')}>
              <option value="">Any</option>
              <For each={[...STAFF_ROLES, 'PATIENT' as const]}>
                {(r) => (
                  <option value={r} selected={r === role()}>
                    {ROLE[r]}
                  </option>
                )}
              </For>
            </select>
          )}
        </Field>
      </div>
      <ErrorNotice error={updated.error ?? deactivated.error ?? reactivated.error ?? linkSent.error ?? sessionsEnded.error} />
      <Status when={sentTo()}>A password-reset link was sent to {sentTo()}. It works for one hour.</Status>
      <Status when={signedOut()}>
        {signedOut()?.name} was signed out everywhere ({signedOut()?.count === 1 ? '1 session' : `${signedOut()?.count} sessions`} ended).
      </Status>
      <Loaded result={result} isEmpty={(d) => !d.accounts.nodes.length} empty="No accounts match.">
        {(data) => (
          <ScrollTable label="Users and roles">
            <table>
              <thead>
                <tr>
                  <th scope="col">Account</th>
                  <th scope="col">Roles</th>
                  <th scope="col">{withZone('Last sign-in', zone())}</th>
                  <th scope="col">Status</th>
                  <th scope="col">Password</th>
                  <th scope="col">Sessions</th>
                </tr>
              </thead>
              <tbody>
                <For each={readFragment(ACCOUNT_FIELDS, data().accounts.nodes)}>
                  {(a) => (
                    <tr>
                      <th scope="row">
                        {a.displayName}
                        <br />
                        <small>{a.email}</small>
                      </th>
                      <td>
                        {a.roles.includes('PATIENT') ? (
                          'Patient'
                        ) : (
                          <fieldset class="checks compact">
                            <legend class="visually-hidden">Roles of {a.displayName}</legend>
                            <For each={STAFF_ROLES}>
                              {(r) => (
                                <label>
                                  <input
                                    type="checkbox"
                                    checked={a.roles.includes(r)}
                                    disabled={!mayChange(r)}
                                    onChange={(e) => toggleRole(a, r, e.currentTarget.checked)}
                                  />{' '}
                                  {ROLE[r]}
                                </label>
                              )}
                            </For>
                          </fieldset>
                        )}
                      </td>
                      <td>{a.lastLoginAt ? formatDateTime(a.lastLoginAt, zone()) : 'Never'}</td>
                      <td>
                        {ACCOUNT_STATUS[a.status]}{' '}
                        {a.status === 'ACTIVE' ? (
                          <button type="button" class="secondary" onClick={() => deactivate({ id: a.id })}>
                            Deactivate
                          </button>
                        ) : (
                          <button type="button" class="secondary" onClick={() => reactivate({ id: a.id })}>
                            Reactivate
                          </button>
                        )}
                      </td>
                      <td>
                        {a.roles.includes('PATIENT') ? (
                          <small class="muted">Patients use “Forgot your password?”</small>
                        ) : (
                          <button
                            type="button"
                            class="secondary"
                            disabled={a.status !== 'ACTIVE' || linkSent.fetching}
                            aria-label={`Send reset link to ${a.displayName}`}
                            onClick={() => sendResetLink(a)}
                          >
                            Send reset link
                          </button>
                        )}
                      </td>
                      <td>
                        <button
                          type="button"
                          class="secondary"
                          disabled={sessionsEnded.fetching}
                          aria-label={`Sign out everywhere: ${a.displayName}`}
                          onClick={() => endAllSessions(a)}
                        >
                          Sign out everywhere
                        </button>{' '}
                        <ResetMfaButton account={a} />
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </ScrollTable>
        )}
      </Loaded>
      <CreateAccountForm onCreated={() => refetch({ requestPolicy: 'network-only' })} />
      <MfaPolicyForm />
    </section>
  );
}
