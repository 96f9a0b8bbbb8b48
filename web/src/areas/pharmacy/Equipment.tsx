import { createQuery } from '@urql/solid';
import { createSignal, For, Show } from 'solid-js';
import { FacilitySelect } from '../../features/FacilitySelect.tsx';
import { useFacilityChoice } from '../../features/facilities.ts';
import { formatDate } from '../../lib/format.ts';
import { EQUIPMENT_STATUS, MAINTENANCE_KIND } from '../../lib/labels/supply.ts';
import { Loaded } from '../../ui/Loaded.tsx';
import { Status } from '../../ui/Status.tsx';
import { EditEquipmentForm } from './EditEquipmentForm.tsx';
import { EQUIPMENT, EQUIPMENT_LISTS, type EquipmentInfo } from './equipment-queries.ts';
import { useLocations } from './locations.ts';
import { MaintenanceDue } from './MaintenanceDue.tsx';
import { MaintenanceForm } from './MaintenanceForm.tsx';
import { RegisterEquipmentForm } from './RegisterEquipmentForm.tsx';

/** Equipment of a facility: what is due, registering and editing it, due or overdue first, with the log and a form to add to it. */
export function Equipment() {
  const place = useFacilityChoice();
  const [result, refetch] = createQuery({
    query: EQUIPMENT,
    variables: () => ({ facilityId: place.facility()?.id ?? '' }),
    pause: () => !place.facility(),
    context: EQUIPMENT_LISTS,
  });
  const locations = useLocations(() => place.facility()?.id);
  const [done, setDone] = createSignal<string | null>(null);
  const reload = (message: string) => {
    setDone(message);
    refetch({ requestPolicy: 'network-only' });
  };
  const due = (e: EquipmentInfo) => e.status === 'IN_SERVICE' && !!e.nextMaintenanceDue && e.nextMaintenanceDue <= place.today();
  const sorted = () => [...(result.data?.equipment ?? [])].sort((a, b) => (a.nextMaintenanceDue ?? '9999').localeCompare(b.nextMaintenanceDue ?? '9999'));
  return (
    <section class="page" aria-labelledby="equipment-title">
      <h1 id="equipment-title">Equipment</h1>
      <FacilitySelect facilities={place.facilities()} value={place.facility()?.id} onChange={place.choose} />
      <Status when={done()}>{done()}</Status>
      <Show when={place.facility()} keyed>
        {(f) => <MaintenanceDue facilityId={f.id} today={place.today()} />}
      </Show>
      <details>
        <summary>Register equipment</summary>
        <RegisterEquipmentForm locations={locations()} today={place.today()} onDone={reload} />
      </details>
      <h2>All equipment</h2>
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
                    {EQUIPMENT_STATUS[e.status]} · {e.location.name}
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
                              {formatDate(m.performedOn)} · {MAINTENANCE_KIND[m.kind]}
                              {m.notes ? ` · ${m.notes}` : ''}
                            </li>
                          )}
                        </For>
                      </ul>
                    </details>
                  </Show>
                  <details>
                    <summary>Edit {e.serialNumber}</summary>
                    <EditEquipmentForm equipment={e} locations={locations()} onDone={reload} />
                  </details>
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
