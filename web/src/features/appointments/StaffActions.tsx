import { A } from '@solidjs/router';
import { createMutation } from '@urql/solid';
import { Show } from 'solid-js';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { CancelButton } from './CancelButton.tsx';
import type { AppointmentInfo } from './fields.ts';
import { CHECK_IN, CONFIRM } from './mutations.ts';
import { VisitActions } from './VisitActions.tsx';

/** What staff can do with an appointment on the board: confirm, check in, move, cancel, and the visit moves their role allows. */
export function StaffActions(props: { appointment: AppointmentInfo }) {
  const [checkIn, runCheckIn] = createMutation(CHECK_IN);
  const [confirm, runConfirm] = createMutation(CONFIRM);
  const open = () => props.appointment.status === 'CONFIRMED' || props.appointment.status === 'REQUESTED';
  return (
    <div class="actions">
      <Show when={props.appointment.status === 'REQUESTED'}>
        <button type="button" onClick={() => runConfirm({ id: props.appointment.id })} disabled={confirm.fetching}>
          Confirm
        </button>
      </Show>
      <Show when={props.appointment.status === 'CONFIRMED'}>
        <button type="button" onClick={() => runCheckIn({ id: props.appointment.id })} disabled={checkIn.fetching}>
          Check in
        </button>
      </Show>
      <Show when={open()}>
        <A href={`/reception/appointments/${props.appointment.id}`} class="button secondary">
          Reschedule
        </A>
        <CancelButton id={props.appointment.id} />
      </Show>
      <VisitActions appointment={props.appointment} />
      <ErrorNotice error={checkIn.error ?? confirm.error} />
    </div>
  );
}
