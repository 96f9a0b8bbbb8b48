import { createQuery } from '@urql/solid';
import { For } from 'solid-js';
import { formatDate, formatZonedTime } from '../../lib/format.ts';
import { readFragment } from '../../lib/graphql.ts';
import { Loaded } from '../../ui/Loaded.tsx';
import { FIRST_AVAILABLE, SLOT_FIELDS, type SlotInfo } from './queries.ts';
import type { SlotSearch } from './SlotPicker.tsx';

/** The earliest free time of each matching provider; choosing one selects it. */
export function FirstAvailable(props: { search: SlotSearch; onSelect: (slot: SlotInfo) => void }) {
  const [result] = createQuery({
    query: FIRST_AVAILABLE,
    variables: () => ({ input: { ...props.search, to: undefined } }),
    requestPolicy: 'network-only',
  });
  return (
    <Loaded result={result} isEmpty={(d) => !d.firstAvailableSlots.length} empty="No free times in the next 60 days.">
      {(data) => (
        <ul class="first-available" aria-label="First available times">
          <For each={readFragment(SLOT_FIELDS, data().firstAvailableSlots)}>
            {(slot) => (
              <li>
                <button type="button" class="secondary" onClick={() => props.onSelect(slot)}>
                  {formatDate(slot.localDate)} {formatZonedTime(slot.startsAt, slot.facility.timezone)} — {slot.provider.displayName}
                </button>
              </li>
            )}
          </For>
        </ul>
      )}
    </Loaded>
  );
}
