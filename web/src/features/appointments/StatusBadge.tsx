import { humanize } from '../../lib/format.ts';
import type { AppointmentInfo } from './fields.ts';

/** An appointment's state as a coloured label (with words, never colour alone). */
export function StatusBadge(props: { status: AppointmentInfo['status'] }) {
  return <span class={`badge status-${props.status.toLowerCase()}`}>{humanize(props.status)}</span>;
}
