import { For, Show } from 'solid-js';
import { useFacilityZone } from '../../features/facilities.ts';
import { formatZonedDateTime } from '../../lib/format.ts';
import { RESULT_FLAG } from '../../lib/labels/clinical.ts';
import type { LabItemInfo } from './queries.ts';

/** Every version of one test's result, oldest first, with the reason each correction gave. */
export function ResultHistory(props: { item: LabItemInfo }) {
  const zone = useFacilityZone();
  return (
    <Show when={props.item.versions.length > 1}>
      <details>
        <summary>
          {props.item.versions.length} versions of {props.item.testName}
        </summary>
        <ol>
          <For each={props.item.versions}>
            {(v) => (
              <li>
                v{v.version}: {v.value ?? v.text} {props.item.unit ?? ''} · {RESULT_FLAG[v.flag]} · {formatZonedDateTime(v.enteredAt, zone())}
                {v.correctionReason ? ` · corrected: ${v.correctionReason}` : ''}
              </li>
            )}
          </For>
        </ol>
      </details>
    </Show>
  );
}
