import { A, useParams } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { For, Show } from 'solid-js';
import { LabResults } from '../../features/labs/LabResults.tsx';
import { formatDate, formatZonedDateTime } from '../../lib/format.ts';
import { ALLERGY_SEVERITY, ENCOUNTER_STATUS } from '../../lib/labels/clinical.ts';
import { listsOf } from '../../lib/lists.ts';
import { UNAVAILABLE } from '../../lib/unavailable.ts';
import { Loaded } from '../../ui/Loaded.tsx';
import { CancelLabOrders } from './CancelLabOrders.tsx';
import { DentalChart } from './DentalChart.tsx';
import { Diagnoses } from './Diagnoses.tsx';
import { EncounterActions } from './EncounterActions.tsx';
import { EncounterPaperwork } from './EncounterPaperwork.tsx';
import { ImagingOrders } from './ImagingOrders.tsx';
import { LabOrderForm } from './LabOrderForm.tsx';
import { Notes } from './Notes.tsx';
import { Prescribe } from './Prescribe.tsx';
import { ENCOUNTER } from './queries.ts';
import { VitalsForm } from './VitalsForm.tsx';

/** One visit: vitals, notes, diagnoses, prescribing and labs, from opening to closing. */
export function EncounterPage() {
  const params = useParams<{ id: string }>();
  const [result, refetch] = createQuery({
    query: ENCOUNTER,
    variables: () => ({ id: params.id }),
    context: listsOf('Vitals', 'Diagnosis', 'Note', 'Prescription', 'PrescriptionItem', 'LabOrder'),
  });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <section class="page wide">
      <Loaded result={result}>
        {(data) => {
          const e = () => data().encounter;
          const editable = () => e().status !== 'CLOSED';
          return (
            <Show when={e().patient} fallback={<p role="alert">This visit's patient details are {UNAVAILABLE} (a service is down); try again shortly.</p>}>
              {(patient) => (
                <>
                  <header class="chart-header">
                    <h1>
                      <A href={`/doctor/patients/${patient().id}`}>{patient().displayName}</A> · {ENCOUNTER_STATUS[e().status]}
                    </h1>
                    <p>
                      MRN {patient().mrn} · born {formatDate(patient().dateOfBirth)} · opened {formatZonedDateTime(e().openedAt, e().facility?.timezone)}
                      {e().chiefComplaint ? ` · ${e().chiefComplaint}` : ''}
                    </p>
                    <p class="allergy-line" classList={{ alert: patient().allergies.length > 0 }}>
                      Allergies:{' '}
                      {patient()
                        .allergies.map((a) => `${a.substance} (${ALLERGY_SEVERITY[a.severity]})`)
                        .join(', ') || 'none recorded'}
                    </p>
                    <EncounterActions encounter={e()} />
                  </header>
                  <div class="grid">
                    <Show when={editable()}>
                      <VitalsForm encounterId={e().id} />
                    </Show>
                    <section class="card" aria-label="Vitals this visit">
                      <h2>Measured this visit</h2>
                      <ul>
                        <For each={e().vitals} fallback={<li class="empty">No vitals yet.</li>}>
                          {(v) => (
                            <li>
                              {formatZonedDateTime(v.recordedAt, e().facility?.timezone)}: BP {v.systolic ?? '–'}/{v.diastolic ?? '–'}, pulse {v.pulse ?? '–'},{' '}
                              {v.temperatureC ?? '–'} °C, SpO₂ {v.spo2 ?? '–'}%
                            </li>
                          )}
                        </For>
                      </ul>
                    </section>
                  </div>
                  <Notes encounterId={e().id} notes={e().notes} editable={editable()} onChanged={reload} />
                  <Diagnoses encounterId={e().id} diagnoses={e().diagnoses} editable={editable()} />
                  <Prescribe encounterId={e().id} prescriptions={e().prescriptions} editable={editable()} onChanged={reload} />
                  <section class="card" aria-label="Labs">
                    <h2>Labs</h2>
                    <LabResults orders={e().labOrders} />
                    <CancelLabOrders orders={e().labOrders} />
                    <Show when={editable()}>
                      <LabOrderForm encounterId={e().id} onOrdered={reload} />
                    </Show>
                  </section>
                  <ImagingOrders encounterId={e().id} editable={editable()} />
                  <DentalChart patientId={patient().id} encounterId={e().id} editable={editable()} collapsible />
                  <EncounterPaperwork encounterId={e().id} patientId={patient().id} editable={editable()} />
                </>
              )}
            </Show>
          );
        }}
      </Loaded>
    </section>
  );
}
