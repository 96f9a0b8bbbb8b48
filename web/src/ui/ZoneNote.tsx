import { Show } from 'solid-js';
import { zoneLabel } from '../lib/format.ts';

/** Says which clock a list of times follows when the facility's differs from the reader's, e.g. "Times are New York time." */
export function ZoneNote(props: { timeZone: string | null | undefined }) {
  return <Show when={zoneLabel(props.timeZone)}>{(label) => <p class="muted zone-note">Times are {label()}.</p>}</Show>;
}
