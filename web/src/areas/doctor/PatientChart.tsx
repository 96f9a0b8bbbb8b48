import { A, useNavigate, useParams } from '@solidjs/router';
import { createMutation, createQuery } from '@urql/solid';
import { For, Show } from 'solid-js';
import { useFacilityChoice } from '../../features/facilities.ts';
import { LAB_ORDER_FIELDS } from '../../features/labs/fields.ts';
import { LabResults } from '../../features/labs/LabResults.tsx';
import { formatDate, formatDayOf, formatZonedDateTime } from '../../lib/format.ts';
import { graphql, readFragment } from '../../lib/graphql.ts';
import { ENCOUNTER_STATUS, PRESCRIPTION_STATUS } from '../../lib/labels/clinical.ts';
import { SEX } from '../../lib/labels/people.ts';
import { nameOr } from '../../lib/unavailable.ts';
import { Available } from '../../ui/Available.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { ALLERGY_FIELDS, AllergyList } from './AllergyList.tsx';
import { DentalChart } from './DentalChart.tsx';
import { ImagingOrders } from './ImagingOrders.tsx';
import { PatientDocuments } from './PatientDocuments.tsx';
import { PRESCRIPTION_FIELDS } from './queries.ts';
import { VitalsTrend } from './VitalsTrend.tsx';

export const PATIENT_CHART = graphql(
  `
  query PatientChart($id: ID!) {
    patient(id: $id) {
      id displayName mrn dateOfBirth sex bloodGroup chronicConditions phone
      allergies { ...AllergyFields }
      encounters { id status openedAt chiefComplaint provider { displayName } }
      prescriptions { ...PrescriptionFields }
      labOrders { ...LabOrderFields }
    }
  }
`,
  [ALLERGY_FIELDS, PRESCRIPTION_FIELDS, LAB_ORDER_FIELDS],
);

export const OPEN_WALK_IN = graphql(`
  mutation OpenWalkIn($patientId: ID!, $facilityId: ID!) {
    openWalkInEncounter(patientId: $patientId, facilityId: $facilityId) { id }
  }
`);

/** The patient chart: summary, allergies, vitals trend, visits, prescriptions and labs. */
export function PatientChart() {
  const params = useParams<{ id: string }>();
  const navigate = useNavigate();
  const place = useFacilityChoice();
  const zone = () => place.facility()?.timezone;
  const [result] = createQuery({ query: PATIENT_CHART, variables: () => ({ id: params.id }) });
  const [opening, open] = createMutation(OPEN_WALK_IN);
  const openEncounter = async () => {
    const facility = place.facility();
    if (!facility) return;
    const r = await open({ patientId: params.id, facilityId: facility.id });
    if (r.data) navigate(`/doctor/encounters/${r.data.openWalkInEncounter.id}`);
  };
  return (
    <section class="page wide">
      <Loaded result={result}>
        {(data) => {
          const p = () => data().patient;
          return (
            <>
              <header class="chart-header">
                <h1>{p().displayName}</h1>
                <p>
                  MRN {p().mrn} · born {formatDate(p().dateOfBirth)} · {SEX[p().sex]}
                  {p().bloodGroup ? ` · blood group ${p().bloodGroup!.replace('_POS', '+').replace('_NEG', '−')}` : ''}
                </p>
                <Show when={p().chronicConditions.length}>
                  <p>Conditions: {p().chronicConditions.join(', ')}</p>
                </Show>
                <button type="button" onClick={openEncounter} disabled={opening.fetching}>
                  Open a walk-in encounter
                </button>
                <ErrorNotice error={opening.error} />
              </header>
              <div class="grid">
                <AllergyList patientId={p().id} allergies={p().allergies} />
                <VitalsTrend patientId={p().id} />
              </div>
              <section class="card" aria-label="Visits">
                <h2>Visits</h2>
                <Available value={p().encounters} what="Visits are">
                  {(encounters) => (
                    <ul>
                      <For each={encounters()} fallback={<li class="empty">No visits yet.</li>}>
                        {(e) => (
                          <li>
                            <A href={`/doctor/encounters/${e.id}`}>{formatZonedDateTime(e.openedAt, zone())}</A> · {nameOr(e.provider, 'Provider')} ·{' '}
                            {ENCOUNTER_STATUS[e.status]}
                            {e.chiefComplaint ? ` · ${e.chiefComplaint}` : ''}
                          </li>
                        )}
                      </For>
                    </ul>
                  )}
                </Available>
              </section>
              <section class="card" aria-label="Prescriptions">
                <h2>Prescriptions</h2>
                <Available value={p().prescriptions} what="Prescriptions are">
                  {(prescriptions) => (
                    <ul>
                      <For each={readFragment(PRESCRIPTION_FIELDS, prescriptions())} fallback={<li class="empty">No prescriptions.</li>}>
                        {(rx) => (
                          <li>
                            {formatDayOf(rx.createdAt, zone())} · {PRESCRIPTION_STATUS[rx.status]} ·{' '}
                            {rx.items.map((i) => `${i.medicineName} ×${i.quantity}`).join(', ')}
                          </li>
                        )}
                      </For>
                    </ul>
                  )}
                </Available>
              </section>
              <section class="card" aria-label="Lab results">
                <h2>Labs</h2>
                <Available value={p().labOrders} what="Lab results are">
                  {(orders) => <LabResults orders={orders()} />}
                </Available>
              </section>
              <ImagingOrders patientId={p().id} />
              <DentalChart patientId={p().id} collapsible />
              <PatientDocuments patientId={p().id} />
            </>
          );
        }}
      </Loaded>
    </section>
  );
}
