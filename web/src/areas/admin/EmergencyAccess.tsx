import { createMutation, createQuery } from '@urql/solid';
import { createSignal, For, Show } from 'solid-js';
import { useFacilityZone } from '../../features/facilities.ts';
import { describeError } from '../../lib/errors.ts';
import { formatDateTime, withZone } from '../../lib/format.ts';
import { graphql } from '../../lib/graphql.ts';
import { listsOf } from '../../lib/lists.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { Loaded } from '../../ui/Loaded.tsx';

export const EMERGENCY_ACCESS_GRANTS = graphql(`
  query EmergencyAccessGrants($reviewed: Boolean) {
    emergencyAccessGrants(reviewed: $reviewed) {
      id reason at expiresAt reviewedAt reviewNote
      account { id displayName email }
      patient { id displayName mrn }
      reviewedBy { displayName }
      reads { id at action entityType service operation }
    }
  }
`);

export const REVIEW_EMERGENCY_ACCESS = graphql(`
  mutation ReviewEmergencyAccess($id: ID!, $note: String!) {
    reviewEmergencyAccess(id: $id, note: $note) { id reviewedAt reviewNote reviewedBy { displayName } }
  }
`);

/** Break-the-glass grants for review: who opened whose chart, why, when and what they read; unreviewed first. */
export function EmergencyAccess() {
  const zone = useFacilityZone();
  const [show, setShow] = createSignal<'unreviewed' | 'all'>('unreviewed');
  const [result] = createQuery({
    query: EMERGENCY_ACCESS_GRANTS,
    variables: () => ({ reviewed: show() === 'unreviewed' ? false : null }),
    context: listsOf('EmergencyAccess'),
  });
  return (
    <section class="page wide" aria-labelledby="emergency-title">
      <h1 id="emergency-title">Emergency access</h1>
      <p class="muted">Charts opened by break-the-glass outside the clinician’s facilities. Review each: the reason, and what was read under it.</p>
      <div class="toolbar">
        <Field label="Show">
          {(c) => (
            <select {...c} value={show()} onChange={(e) => setShow(e.currentTarget.value as 'unreviewed' | 'all')}>
              <option value="unreviewed">Waiting for review</option>
              <option value="all">All, unreviewed first</option>
            </select>
          )}
        </Field>
      </div>
      <Loaded result={result} isEmpty={(d) => !d.emergencyAccessGrants.length} empty="No emergency access is waiting for review.">
        {(data) => (
          <ul class="cards" aria-label="Emergency access grants">
            <For each={data().emergencyAccessGrants}>
              {(g) => (
                <li class="card" classList={{ flagged: !g.reviewedAt }} aria-label={`Emergency access by ${g.account?.displayName ?? 'unknown'}`}>
                  <h2>
                    {g.account?.displayName ?? 'Unknown account'} opened {g.patient ? `${g.patient.displayName} (${g.patient.mrn})` : 'a patient'}
                  </h2>
                  <p>
                    <strong>Why:</strong> {g.reason}
                  </p>
                  <p class="muted">
                    {withZone('When', zone())}: {formatDateTime(g.at, zone())} · until {formatDateTime(g.expiresAt, zone())}
                  </p>
                  <details open={!g.reviewedAt}>
                    <summary>What they read ({g.reads.length})</summary>
                    <Show when={g.reads.length} fallback={<p class="empty">Nothing read yet.</p>}>
                      <table>
                        <thead>
                          <tr>
                            <th scope="col">At</th>
                            <th scope="col">Did</th>
                            <th scope="col">Record</th>
                            <th scope="col">Service</th>
                          </tr>
                        </thead>
                        <tbody>
                          <For each={g.reads}>
                            {(r) => (
                              <tr>
                                <td>{formatDateTime(r.at, zone())}</td>
                                <td>
                                  {r.action} <small>{r.operation ?? ''}</small>
                                </td>
                                <td>{r.entityType}</td>
                                <td>{r.service}</td>
                              </tr>
                            )}
                          </For>
                        </tbody>
                      </table>
                    </Show>
                  </details>
                  <Show when={g.reviewedAt} fallback={<ReviewForm id={g.id} who={g.account?.displayName ?? 'this grant'} />}>
                    {(at) => (
                      <p role="status">
                        Reviewed by {g.reviewedBy?.displayName ?? 'an admin'} on {formatDateTime(at(), zone())}: {g.reviewNote}
                      </p>
                    )}
                  </Show>
                </li>
              )}
            </For>
          </ul>
        )}
      </Loaded>
    </section>
  );
}

function ReviewForm(props: { id: string; who: string }) {
  const [note, setNote] = createSignal('');
  const [local, setLocal] = createSignal<string | null>(null);
  const [state, review] = createMutation(REVIEW_EMERGENCY_ACCESS);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (note().trim().length < 3) return setLocal('Say what the review found (at least 3 characters).');
    setLocal(null);
    await review({ id: props.id, note: note().trim() });
  };
  return (
    <form onSubmit={submit} aria-label={`Review emergency access by ${props.who}`} novalidate>
      <Field label="Review note" error={local() ?? describeError(state.error)?.fields.note}>
        {(c) => <input {...c} value={note()} onInput={(e) => setNote(e.currentTarget.value)} />}
      </Field>
      <ErrorNotice error={state.error} />
      <button type="submit" disabled={state.fetching}>
        Mark reviewed
      </button>
    </form>
  );
}
