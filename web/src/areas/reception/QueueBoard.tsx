import { createQuery, createSubscription } from '@urql/solid';
import { createEffect, createMemo, createSignal, For, Show } from 'solid-js';
import { VisitActions } from '../../features/appointments/VisitActions.tsx';
import { BOOKING_CHOICES } from '../../features/booking/queries.ts';
import { useFacilityChoice } from '../../features/facilities.ts';
import { graphql, type ResultOf, readFragment } from '../../lib/graphql.ts';
import { APPOINTMENT_STATUS } from '../../lib/labels/people.ts';
import { nameOr } from '../../lib/unavailable.ts';
import { Field } from '../../ui/Field.tsx';
import { Loaded } from '../../ui/Loaded.tsx';

/** One place in the queue, as the waiting-room display shows it. */
const QUEUE_ENTRY_FIELDS = graphql(`
  fragment QueueEntryFields on QueueEntry {
    token position status appointment { id patient { displayName } }
  }
`);

type QueueEntry = ResultOf<typeof QUEUE_ENTRY_FIELDS>;

export const QUEUE = graphql(
  `
  query Queue($providerId: ID!, $day: Date!) {
    queue(providerId: $providerId, day: $day) { ...QueueEntryFields }
  }
`,
  [QUEUE_ENTRY_FIELDS],
);

export const QUEUE_CHANGED = graphql(
  `
  subscription QueueChanged($providerId: ID!, $day: Date!, $after: String) {
    queueChanged(providerId: $providerId, day: $day, after: $after) {
      cursor
      queue { ...QueueEntryFields }
    }
  }
`,
  [QUEUE_ENTRY_FIELDS],
);

/** The waiting-room display for one provider's queue today, updated live; a clinician starts and completes visits from its list. */
export function QueueBoard() {
  const place = useFacilityChoice();
  const [choices] = createQuery({ query: BOOKING_CHOICES });
  const [providerId, setProviderId] = createSignal('');
  const providers = createMemo(() => (choices.data?.providers ?? []).filter((p) => p.facilities.some((f) => f.id === place.facility()?.id)));
  createEffect(() => {
    if (!providerId() && providers()[0]) setProviderId(providers()[0]!.id);
  });
  const vars = () => ({ providerId: providerId(), day: place.today() });
  const [result] = createQuery({ query: QUEUE, variables: vars, pause: () => !providerId() });
  const [live] = createSubscription({ query: QUEUE_CHANGED, variables: vars, pause: () => !providerId() }, (_prev: readonly QueueEntry[] | undefined, data) =>
    readFragment(QUEUE_ENTRY_FIELDS, data.queueChanged.queue),
  );
  const queue = () => live.data ?? readFragment(QUEUE_ENTRY_FIELDS, result.data?.queue ?? []);
  const inRoom = () => queue().filter((e) => e.status === 'IN_PROGRESS');
  const waiting = () => queue().filter((e) => e.position !== null);

  return (
    <section class="page" aria-labelledby="queue-title">
      <h1 id="queue-title">Queue</h1>
      <Field label="Provider">
        {(c) => (
          <select {...c} value={providerId()} onChange={(e) => setProviderId(e.currentTarget.value)}>
            <For each={providers()}>
              {(p) => (
                <option value={p.id} selected={p.id === providerId()}>
                  {p.displayName}
                </option>
              )}
            </For>
          </select>
        )}
      </Field>
      <Loaded result={result} isEmpty={() => !queue().length} empty="Nobody has checked in yet today.">
        {() => (
          <div class="queue" aria-live="polite">
            <section aria-label="Now seeing">
              <h2>Now seeing</h2>
              <For each={inRoom()} fallback={<p class="empty">Nobody in the room.</p>}>
                {(e) => <p class="token-large">#{e.token}</p>}
              </For>
            </section>
            <section aria-label="Waiting">
              <h2>Waiting</h2>
              <ol class="waiting">
                <For each={waiting()}>
                  {(e) => (
                    <li>
                      <span class="token-large">#{e.token}</span> {nameOr(e.appointment.patient, 'Patient')}
                      <Show when={e.position === 1}>
                        <span class="badge">Next</span>
                      </Show>
                    </li>
                  )}
                </For>
              </ol>
            </section>
            <details>
              <summary>Everyone today</summary>
              <ul>
                <For each={queue()}>
                  {(e) => (
                    <li>
                      #{e.token} {nameOr(e.appointment.patient, 'Patient')} — {APPOINTMENT_STATUS[e.status]}
                      <VisitActions appointment={{ id: e.appointment.id, status: e.status }} />
                    </li>
                  )}
                </For>
              </ul>
            </details>
          </div>
        )}
      </Loaded>
    </section>
  );
}
