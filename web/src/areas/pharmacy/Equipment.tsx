import { createQuery } from '@urql/solid';
import { For, Show } from 'solid-js';
import { FacilitySelect } from '../../features/FacilitySelect.tsx';
import { useFacilityChoice } from '../../features/facilities.ts';
import { formatDate, humanize } from '../../lib/format.ts';
import { Loaded } from '../../ui/Loaded.tsx';
import { EQUIPMENT, type EquipmentInfo } from './equipment-queries.ts';
import { MaintenanceForm } from './MaintenanceForm.tsx';

/** Equipment of a facility, due or overdue maintenance first, with the log and a form to add to it. */
export function Equipment() {
  const place = useFacilityChoice();
  const [result, refetch] = createQuery({
    query: EQUIPMENT,
    variables: () => ({ facilityId: place.facility()?.id ?? '' }),
    pause: () => !place.facility(),
  });
  const due = (e: EquipmentInfo) => e.status === 'IN_SERVICE' && !!e.nextMaintenanceDue && e.nextMaintenanceDue <= place.today();
  const sorted = () => [...(result.data?.equipment ?? [])].sort((a, b) => (a.nextMaintenanceDue ?? '9999').localeCompare(b.nextMaintenanceDue ?? '9999'));
  return (
    <section class="page" aria-labelledby="equipment-title">
      <h1 id="equipment-title">Equipment</h1>
      <FacilitySelect facilities={place.facilities()} value={place.facility()?.id} onChange={place.choose} />
      <Loaded result={result} isEmpty={(d) => !d.equipment.length} empty="No equipment registered here.">
        {() => (
          <ul class="cards">
            <For each={sorted()}>
              {(e) => (
                <li class="card" data-equipment={e.id} classList={{ due: due(e) }}>
                  <h2>
                    {e.item.name} <small>SN {e.serialNumber}</small>
                  </h2>
                  <p>
                    {humanize(e.status)} · {e.location.name}
                    {e.lastMaintainedOn ? ` · last maintained ${formatDate(e.lastMaintainedOn)}` : ' · never maintained'}
                  </p>
                  <Show when={e.nextMaintenanceDue}>
                    {(next) => (
                      <p classList={{ 'notice error': due(e) }}>
                        {due(e) ? `Maintenance due since ${formatDate(next())}` : `Next maintenance ${formatDate(next())}`}
                      </p>
                    )}
                  </Show>
                  <Show when={e.maintenanceLog.length}>
                    <details>
                      <summary>Maintenance log ({e.maintenanceLog.length})</summary>
                      <ul>
                        <For each={e.maintenanceLog}>
                          {(m) => (
                            <li>
                              {formatDate(m.performedOn)} · {humanize(m.kind)}
                              {m.notes ? ` · ${m.notes}` : ''}
                            </li>
                          )}
                        </For>
                      </ul>
                    </details>
                  </Show>
                  <Show when={e.status !== 'RETIRED'}>
                    <MaintenanceForm
                      equipmentId={e.id}
                      serialNumber={e.serialNumber}
                      today={place.today()}
                      onDone={() => refetch({ requestPolicy: 'network-only' })}
                    />
                  </Show>
                </li>
              )}
            </For>
          </ul>
        )}
      </Loaded>
    </section>
  );
}
