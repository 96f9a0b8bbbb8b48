import { createMutation, createQuery } from '@urql/solid';
import { createSignal, For, Show } from 'solid-js';
import { useFacilityChoice } from '../../features/facilities.ts';
import { PatientPicker, type PatientSummary } from '../../features/patients/PatientPicker.tsx';
import { LEAVE_WAITLIST, WAITLIST, WAITLIST_FIELDS } from '../../features/waitlist/fields.ts';
import { JoinWaitlistForm } from '../../features/waitlist/JoinWaitlistForm.tsx';
import { formatDayRange, formatZonedDateTime } from '../../lib/format.ts';
import { readFragment, type VariablesOf } from '../../lib/graphql.ts';
import { WAITLIST_STATUS } from '../../lib/labels/people.ts';
import { listsOf } from '../../lib/lists.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';

const OPEN: VariablesOf<typeof WAITLIST>['status'] = ['WAITING', 'OFFERED'];

/** Who is waiting for a freed time, best-ranked first, and adding someone to it. */
export function Waitlist() {
  const place = useFacilityChoice();
  const [patient, setPatient] = createSignal<PatientSummary | null>(null);
  const [result] = createQuery({
    query: WAITLIST,
    variables: () => ({ status: OPEN, facilityId: place.facility()?.id }),
    pause: () => !place.facility(),
    context: listsOf('WaitlistEntry'),
  });
  const [leave, runLeave] = createMutation(LEAVE_WAITLIST);
  return (
    <section class="page" aria-labelledby="waitlist-title">
      <h1 id="waitlist-title">Waitlist</h1>
      <Loaded result={result} isEmpty={(d) => !d.waitlist.length} empty="Nobody is waiting.">
        {(data) => (
          <ScrollTable label="Waiting patients">
            <table>
              <caption class="visually-hidden">Waiting patients</caption>
              <thead>
                <tr>
                  <th scope="col">Patient</th>
                  <th scope="col">Type</th>
                  <th scope="col">Provider</th>
                  <th scope="col">Between</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span class="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={readFragment(WAITLIST_FIELDS, data().waitlist)}>
                  {(w) => (
                    <tr>
                      <td>{w.patient.displayName}</td>
                      <td>{w.type.name}</td>
                      <td>{w.provider?.displayName ?? 'Any'}</td>
                      <td>{formatDayRange(w.earliest, w.latest, w.facility.timezone)}</td>
                      <td>
                        {WAITLIST_STATUS[w.status]}
                        <Show when={w.offers.find((o) => o.status === 'PENDING')}>
                          {(o) => <small> · offered {formatZonedDateTime(o().startsAt, o().facility.timezone)}</small>}
                        </Show>
                      </td>
                      <td>
                        <button type="button" class="secondary" onClick={() => runLeave({ id: w.id })} disabled={leave.fetching}>
                          Remove
                        </button>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </ScrollTable>
        )}
      </Loaded>
      <ErrorNotice error={leave.error} />
      <PatientPicker selected={patient()} onSelect={setPatient} />
      <Show when={place.facility()}>{(f) => <JoinWaitlistForm facilityId={f().id} today={place.today()} staff patientId={patient()?.id} />}</Show>
    </section>
  );
}
