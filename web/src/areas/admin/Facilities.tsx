import { createQuery } from '@urql/solid';
import { createSignal, For, Show } from 'solid-js';
import { readFragment } from '../../lib/graphql.ts';
import { listsOf } from '../../lib/lists.ts';
import { Loaded } from '../../ui/Loaded.tsx';
import { BillingFacilityForm } from './BillingFacilityForm.tsx';
import { Departments } from './Departments.tsx';
import { FacilityForm } from './FacilityForm.tsx';
import { ADMIN_FACILITIES, FACILITY_FIELDS } from './facility-queries.ts';

/** The clinic's sites: their details and time zones, their departments, their billing settings; and a new one. */
export function Facilities() {
  const [result] = createQuery({ query: ADMIN_FACILITIES, context: listsOf('Facility', 'Department') });
  const [editing, setEditing] = createSignal<string | null>(null);
  const [rezoned, setRezoned] = createSignal<string[]>([]);
  return (
    <section class="page wide" aria-labelledby="facilities-title">
      <h1 id="facilities-title">Facilities and departments</h1>
      <Loaded result={result} isEmpty={(d) => !d.facilities.length} empty="No facilities yet.">
        {(data) => (
          <div class="grid">
            <For each={readFragment(FACILITY_FIELDS, data().facilities)}>
              {(f) => (
                <section class="card" aria-label={f.name}>
                  <Show
                    when={editing() === f.id}
                    fallback={
                      <>
                        <h2>
                          {f.name} <small class="muted">{f.code}</small>
                        </h2>
                        <p>
                          {f.timezone}
                          {f.address ? ` · ${f.address}` : ''}
                          {f.phone ? ` · ${f.phone}` : ''}
                        </p>
                        <button type="button" class="secondary" aria-label={`Edit ${f.name}`} onClick={() => setEditing(f.id)}>
                          Edit
                        </button>
                      </>
                    }
                  >
                    <FacilityForm
                      facility={f}
                      onSaved={(zoneChanged) => {
                        setEditing(null);
                        if (zoneChanged) setRezoned((ids) => [...ids, f.id]);
                      }}
                      onCancel={() => setEditing(null)}
                    />
                  </Show>
                  <Departments facility={f} />
                  <Show when={rezoned().includes(f.id)}>
                    <p class="notice" role="status">
                      Scheduling now uses {f.timezone}. Save the billing settings below so invoices date services in it too.
                    </p>
                  </Show>
                  <BillingFacilityForm facility={f} onSaved={() => setRezoned((ids) => ids.filter((id) => id !== f.id))} />
                </section>
              )}
            </For>
          </div>
        )}
      </Loaded>
      <FacilityForm />
    </section>
  );
}
