import { Show } from 'solid-js';
import { formatZonedTime } from '../../lib/format.ts';
import { APPOINTMENT_CHANGE } from '../../lib/labels/people.ts';
import { nameOr } from '../../lib/unavailable.ts';
import type { AppointmentEvent } from './live.ts';

/** The last live change, read out by screen readers as it arrives. */
export function LatestChange(props: { event: AppointmentEvent | null }) {
  return (
    <p class="latest" aria-live="polite">
      <Show when={props.event}>
        {(e) => (
          <>
            Just now: {nameOr(e().appointment.patient, 'Patient')} — {APPOINTMENT_CHANGE[e().kind]}{' '}
            {formatZonedTime(e().appointment.startsAt, e().appointment.facility?.timezone)} with {nameOr(e().appointment.provider, 'Provider')}
          </>
        )}
      </Show>
    </p>
  );
}
