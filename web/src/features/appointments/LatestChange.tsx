import { Show } from 'solid-js';
import { formatTime, humanize } from '../../lib/format.ts';
import type { AppointmentEvent } from './live.ts';

/** The last live change, read out by screen readers as it arrives. */
export function LatestChange(props: { event: AppointmentEvent | null }) {
  return (
    <p class="latest" aria-live="polite">
      <Show when={props.event}>
        {(e) => (
          <>
            Just now: {e().appointment.patient.displayName} — {humanize(e().kind)} {formatTime(e().appointment.startsAt, e().appointment.facility.timezone)}{' '}
            with {e().appointment.provider.displayName}
          </>
        )}
      </Show>
    </p>
  );
}
