import { A } from '@solidjs/router';
import { createQuery, createSubscription } from '@urql/solid';
import { For } from 'solid-js';
import { graphql, type ResultOf, readFragment } from '../../lib/graphql.ts';
import { ENCOUNTER_STATUS } from '../../lib/labels/clinical.ts';
import { createLiveList } from '../../lib/live-list.ts';
import { nameOr } from '../../lib/unavailable.ts';
import { Loaded } from '../../ui/Loaded.tsx';

/** An encounter as the waiting list shows it. */
export const WAITING_ENCOUNTER = graphql(`
  fragment WaitingEncounter on Encounter {
    id status openedAt chiefComplaint
    patient { id displayName }
    provider { id }
  }
`);

type WaitingEncounter = ResultOf<typeof WAITING_ENCOUNTER>;

export const ENCOUNTER_QUEUE = graphql(
  `
  query EncounterQueue {
    encounterQueue { ...WaitingEncounter }
  }
`,
  [WAITING_ENCOUNTER],
);

export const WAITING_ENCOUNTER_CHANGED = graphql(
  `
  subscription WaitingEncounterChanged($after: String) {
    encounterChanged(after: $after) { cursor status encounter { ...WaitingEncounter } }
  }
`,
  [WAITING_ENCOUNTER],
);

const oldestFirst = (a: WaitingEncounter, b: WaitingEncounter) => a.openedAt.localeCompare(b.openedAt);

/**
 * The patients checked in (or walked in) and waiting for this provider, oldest first, kept current by
 * encounter.changed: a check-in joins, a started consultation updates, a closed encounter leaves.
 * The provider check matters for admins and nurses, whose feed carries every provider's encounters.
 */
export function WaitingForYou(props: { providerId: string }) {
  const [queue] = createQuery({ query: ENCOUNTER_QUEUE });
  const waiting = createLiveList<WaitingEncounter>(
    () => (queue.data?.encounterQueue ? readFragment(WAITING_ENCOUNTER, queue.data.encounterQueue) : undefined),
    (e) => e.status !== 'CLOSED' && e.provider?.id === props.providerId,
    oldestFirst,
  );
  createSubscription({ query: WAITING_ENCOUNTER_CHANGED }, (_previous, data) => {
    waiting.apply(readFragment(WAITING_ENCOUNTER, data.encounterChanged.encounter));
    return data;
  });
  return (
    <section aria-labelledby="waiting-for-you-title">
      <h2 id="waiting-for-you-title">Waiting for you</h2>
      <Loaded result={queue} isEmpty={() => !waiting.items().length} empty="Nobody is waiting.">
        {() => (
          <ul class="cards">
            <For each={waiting.items()}>
              {(e) => (
                <li class="card" data-encounter={e.id}>
                  <A href={`/doctor/encounters/${e.id}`}>{nameOr(e.patient, 'Patient')}</A> · {ENCOUNTER_STATUS[e.status]}
                  {e.chiefComplaint ? ` · ${e.chiefComplaint}` : ''}
                </li>
              )}
            </For>
          </ul>
        )}
      </Loaded>
    </section>
  );
}
