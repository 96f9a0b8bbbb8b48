import { For, Show } from 'solid-js';
import { formatDateTime, humanize } from '../../lib/format.ts';
import type { LabItemInfo } from './queries.ts';

/** Every version of one test's result, oldest first, with the reason each correction gave. */
export function ResultHistory(props: { item: LabItemInfo }) {
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
                v{v.version}: {v.value ?? v.text} {props.item.unit ?? ''} · {humanize(v.flag)} · {formatDateTime(v.enteredAt)}
                {v.correctionReason ? ` · corrected: ${v.correctionReason}` : ''}
              </li>
            )}
          </For>
        </ol>
      </details>
    </Show>
  );
}
