import { createQuery } from '@urql/solid';
import { For, Show } from 'solid-js';
import { FacilitySelect } from '../../features/FacilitySelect.tsx';
import { useFacilityChoice } from '../../features/facilities.ts';
import { LOCATION_KIND } from '../../lib/labels/supply.ts';
import { listsOf } from '../../lib/lists.ts';
import { Loaded } from '../../ui/Loaded.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { LOCATIONS } from './catalogue-queries.ts';
import { LocationForm } from './LocationForm.tsx';

/** Where a facility keeps stock (pharmacies, ward cabinets, labs, stores); and a new place. */
export function Locations() {
  const place = useFacilityChoice();
  const [result] = createQuery({
    query: LOCATIONS,
    variables: () => ({ facilityId: place.facility()?.id ?? '' }),
    pause: () => !place.facility(),
    context: listsOf('Location'),
  });
  return (
    <section class="page wide" aria-labelledby="locations-title">
      <h1 id="locations-title">Stock locations</h1>
      <FacilitySelect facilities={place.facilities()} value={place.facility()?.id} onChange={place.choose} />
      <Loaded result={result} isEmpty={(d) => !d.locations.length} empty="No locations at this facility yet.">
        {(data) => (
          <ScrollTable label="Stock locations">
            <table>
              <thead>
                <tr>
                  <th scope="col">Location</th>
                  <th scope="col">Code</th>
                  <th scope="col">Kind</th>
                </tr>
              </thead>
              <tbody>
                <For each={data().locations}>
                  {(l) => (
                    <tr>
                      <th scope="row">
                        {l.name}
                        {l.active ? '' : ' (inactive)'}
                      </th>
                      <td>{l.code}</td>
                      <td>{LOCATION_KIND[l.kind]}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </ScrollTable>
        )}
      </Loaded>
      <Show when={place.facility()}>{(f) => <LocationForm facility={f()} />}</Show>
    </section>
  );
}
