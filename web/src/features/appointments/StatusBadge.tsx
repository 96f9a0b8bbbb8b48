import { APPOINTMENT_STATUS } from '../../lib/labels/people.ts';
import type { AppointmentInfo } from './fields.ts';

/** An appointment's state as a coloured label (with words, never colour alone). */
export function StatusBadge(props: { status: AppointmentInfo['status'] }) {
  return <span class={`badge status-${props.status.toLowerCase()}`}>{APPOINTMENT_STATUS[props.status]}</span>;
}
