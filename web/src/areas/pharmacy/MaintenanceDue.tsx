import { createQuery } from '@urql/solid';
import { createSignal, For } from 'solid-js';
import { formatDate } from '../../lib/format.ts';
import { Field } from '../../ui/Field.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { EQUIPMENT_LISTS, MAINTENANCE_DUE } from './equipment-queries.ts';

const HORIZONS = [
  { days: 0, label: 'Due today or overdue' },
  { days: 7, label: 'Within a week' },
  { days: 30, label: 'Within 30 days' },
  { days: 90, label: 'Within 90 days' },
];

/** Equipment in service due for maintenance within a horizon; re-read after any equipment change or logged maintenance. */
export function MaintenanceDue(props: { facilityId: string; today: string }) {
  const [withinDays, setWithinDays] = createSignal(0);
  const [result] = createQuery({
    query: MAINTENANCE_DUE,
    variables: () => ({ facilityId: props.facilityId, withinDays: withinDays() }),
    context: EQUIPMENT_LISTS,
  });
  return (
    <section aria-labelledby="due-title">
      <h2 id="due-title">Maintenance due</h2>
      <Field label="Show">
        {(c) => (
          <select {...c} value={withinDays()} onChange={(e) => setWithinDays(Number(e.currentTarget.value))}>
            <For each={HORIZONS}>{(h) => <option value={h.days}>{h.label}</option>}</For>
          </select>
        )}
      </Field>
      <Loaded result={result} isEmpty={(d) => !d.maintenanceDue.length} empty="No maintenance due in this period.">
        {(data) => (
          <ul aria-label="Maintenance due">
            <For each={data().maintenanceDue}>
              {(e) => (
                <li classList={{ alert: !!e.nextMaintenanceDue && e.nextMaintenanceDue <= props.today }}>
                  {e.item.name} SN {e.serialNumber} at {e.location.name}: {e.nextMaintenanceDue ? formatDate(e.nextMaintenanceDue) : 'now'}
                </li>
              )}
            </For>
          </ul>
        )}
      </Loaded>
    </section>
  );
}
