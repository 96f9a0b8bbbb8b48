import { createQuery } from '@urql/solid';
import { Show } from 'solid-js';
import { BarChart } from '../../ui/BarChart.tsx';
import type { AppointmentInfo } from './fields.ts';
import { bookedMinutes, SCHEDULED_DAY, scheduledMinutes } from './utilisation.ts';

/** How full each provider's day is: booked time as a share of scheduled time, as bars. */
export function Utilisation(props: { facilityId: string; day: string; providers: { id: string; displayName: string }[]; appointments: AppointmentInfo[] }) {
  const [result] = createQuery({
    query: SCHEDULED_DAY,
    variables: () => ({ facilityId: props.facilityId, day: props.day }),
  });
  const bars = () =>
    props.providers.map((p) => {
      const scheduled = scheduledMinutes(p.id, props.day, result.data?.schedules ?? [], result.data?.scheduleExceptions ?? []);
      const booked = bookedMinutes(p.id, props.appointments);
      return { label: p.displayName, value: scheduled ? Math.round((booked / scheduled) * 100) : 0, scheduled, booked };
    });
  const hours = (m: number) => `${Math.floor(m / 60)} h ${String(Math.round(m % 60)).padStart(2, '0')}`;
  return (
    <Show when={result.data}>
      <details class="card utilisation">
        <summary>
          Utilisation:{' '}
          {bars()
            .map((b) => `${b.label} ${b.scheduled ? `${b.value}%` : 'not working'}`)
            .join(' · ')}
        </summary>
        <BarChart title="Booked share of scheduled time" bars={bars()} format={(v) => `${v}%`} />
        <ul class="muted">
          {bars().map((b) => (
            <li>
              {b.label}: {hours(b.booked)} booked of {hours(b.scheduled)} scheduled
            </li>
          ))}
        </ul>
      </details>
    </Show>
  );
}
