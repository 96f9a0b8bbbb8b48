import { createQuery, createSubscription, gql } from '@urql/solid';
import { createEffect, createMemo, createSignal, For, Show } from 'solid-js';
import { BOOKING_CHOICES, type BookingChoices } from '../../features/booking/queries.ts';
import { useFacilityChoice } from '../../features/facilities.ts';
import { humanize } from '../../lib/format.ts';
import { Field } from '../../ui/Field.tsx';
import { Loaded } from '../../ui/Loaded.tsx';

interface QueueEntry {
  token: number;
  position: number | null;
  status: string;
  appointment: { id: string; patient: { displayName: string } };
}

const ENTRY = 'token position status appointment { id patient { displayName } }';

export const QUEUE = gql`
  query Queue($providerId: ID!, $day: Date!) {
    queue(providerId: $providerId, day: $day) { ${ENTRY} }
  }
`;

export const QUEUE_CHANGED = gql`
  subscription QueueChanged($providerId: ID!, $day: Date!, $after: String) {
    queueChanged(providerId: $providerId, day: $day, after: $after) {
      cursor
      queue { ${ENTRY} }
    }
  }
`;

/** The waiting-room display for one provider's queue today, updated live. */
export function QueueBoard() {
  const place = useFacilityChoice();
  const [choices] = createQuery<BookingChoices>({ query: BOOKING_CHOICES });
  const [providerId, setProviderId] = createSignal('');
  const providers = createMemo(() => (choices.data?.providers ?? []).filter((p) => p.facilities.some((f) => f.id === place.facility()?.id)));
  createEffect(() => {
    if (!providerId() && providers()[0]) setProviderId(providers()[0]!.id);
  });
  const vars = () => ({ providerId: providerId(), day: place.today() });
  const [result] = createQuery<{ queue: QueueEntry[] }>({ query: QUEUE, variables: vars, pause: () => !providerId() });
  const [live] = createSubscription<{ queueChanged: { cursor: string; queue: QueueEntry[] } }, QueueEntry[]>(
    { query: QUEUE_CHANGED, variables: vars, pause: () => !providerId() },
    (_prev, data) => data.queueChanged.queue,
  );
  const queue = () => (live.data as QueueEntry[] | undefined) ?? result.data?.queue ?? [];
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
                      <span class="token-large">#{e.token}</span> {e.appointment.patient.displayName}
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
                      #{e.token} {e.appointment.patient.displayName} — {humanize(e.status)}
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
