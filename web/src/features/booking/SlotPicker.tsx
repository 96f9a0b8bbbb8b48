import { createQuery } from '@urql/solid';
import { For } from 'solid-js';
import { formatTime, withZone } from '../../lib/format.ts';
import { readFragment, type VariablesOf } from '../../lib/graphql.ts';
import { Loaded } from '../../ui/Loaded.tsx';
import { SLOT_FIELDS, SLOTS, type SlotInfo, slotKey } from './queries.ts';

/** What to look for: the API's slot search. */
export type SlotSearch = VariablesOf<typeof SLOTS>['input'];

/**
 * The free times of one day for the search, as a radio group (arrow keys move between times).
 * `refresh` changes make it ask again, e.g. after someone else took a slot.
 */
export function SlotPicker(props: { search: SlotSearch; selected: SlotInfo | null; onSelect: (slot: SlotInfo) => void; refresh?: number }) {
  const [result] = createQuery({
    query: SLOTS,
    variables: () => ({ input: { ...props.search, to: props.search.to ?? props.search.from }, first: 100 }),
    requestPolicy: 'network-only',
    context: () => ({ refresh: props.refresh ?? 0 }),
  });
  return (
    <Loaded result={result} isEmpty={(d) => !d.slots.nodes.length} empty="No free times on this day. Try another day or the first available time.">
      {(data) => (
        <fieldset class="slots">
          <legend>{withZone('Free times', readFragment(SLOT_FIELDS, data().slots.nodes)[0]?.facility.timezone)}</legend>
          <For each={readFragment(SLOT_FIELDS, data().slots.nodes)}>
            {(slot) => (
              <label class="slot" classList={{ chosen: props.selected !== null && slotKey(props.selected) === slotKey(slot) }}>
                <input
                  type="radio"
                  name="slot"
                  value={slotKey(slot)}
                  checked={props.selected !== null && slotKey(props.selected) === slotKey(slot)}
                  onChange={() => props.onSelect(slot)}
                />
                <span class="time">{formatTime(slot.startsAt, slot.facility.timezone)}</span>
                <span class="who">{slot.provider.displayName}</span>
              </label>
            )}
          </For>
        </fieldset>
      )}
    </Loaded>
  );
}
