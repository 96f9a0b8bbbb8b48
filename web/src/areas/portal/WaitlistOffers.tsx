import { createMutation } from '@urql/solid';
import { For, Show } from 'solid-js';
import type { WaitlistEntryInfo } from '../../features/waitlist/fields.ts';
import { formatDayRange, formatZonedDateTime } from '../../lib/format.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { ACCEPT_OFFER, DECLINE_OFFER } from './queries.ts';

/** Freed times held for the patient from the waitlist, to accept or decline before they expire. */
export function WaitlistOffers(props: { entries: readonly WaitlistEntryInfo[]; onChanged: () => void }) {
  const [accepted, accept] = createMutation(ACCEPT_OFFER);
  const [declined, decline] = createMutation(DECLINE_OFFER);
  const offers = () => props.entries.flatMap((e) => e.offers.filter((o) => o.status === 'PENDING').map((o) => ({ entry: e, offer: o })));
  return (
    <Show when={offers().length || props.entries.length}>
      <section aria-label="Waitlist" class="card">
        <h2>Waitlist</h2>
        <For each={offers()}>
          {({ entry, offer }) => (
            <div class="offer notice">
              <p>
                A {entry.type.name} with {offer.provider.displayName} is free on {formatZonedDateTime(offer.startsAt, offer.facility.timezone)}. Held for you
                until {formatZonedDateTime(offer.expiresAt, offer.facility.timezone)}.
              </p>
              <button type="button" onClick={() => accept({ offerId: offer.id }).then(props.onChanged)} disabled={accepted.fetching}>
                Accept this time
              </button>
              <button type="button" class="secondary" onClick={() => decline({ offerId: offer.id }).then(props.onChanged)} disabled={declined.fetching}>
                Decline
              </button>
            </div>
          )}
        </For>
        <ul>
          <For each={props.entries.filter((e) => e.status === 'WAITING' || e.status === 'OFFERED')}>
            {(e) => (
              <li>
                Waiting for a {e.type.name}
                {e.provider ? ` with ${e.provider.displayName}` : ''}: {formatDayRange(e.earliest, e.latest, e.facility.timezone)}
              </li>
            )}
          </For>
        </ul>
        <ErrorNotice error={accepted.error ?? declined.error} />
      </section>
    </Show>
  );
}
