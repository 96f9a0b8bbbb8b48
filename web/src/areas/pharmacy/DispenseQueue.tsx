import { A } from '@solidjs/router';
import { createQuery, createSubscription } from '@urql/solid';
import { For } from 'solid-js';
import { useFacilityZone } from '../../features/facilities.ts';
import { formatZonedDateTime } from '../../lib/format.ts';
import { graphql, type ResultOf, readFragment } from '../../lib/graphql.ts';
import { PRESCRIPTION_STATUS } from '../../lib/labels/clinical.ts';
import { createLiveList } from '../../lib/live-list.ts';
import { Loaded } from '../../ui/Loaded.tsx';

/** A prescription as the dispense queue shows it. */
export const QUEUED_PRESCRIPTION = graphql(`
  fragment QueuedPrescription on Prescription {
    id status finalisedAt validUntil
    patient { id displayName mrn }
    prescriber { displayName }
    items { id medicineName quantity dispensedQuantity }
  }
`);

export type QueuedPrescription = ResultOf<typeof QUEUED_PRESCRIPTION>;

export const DISPENSABLE = graphql(
  `
  query Dispensable {
    dispensablePrescriptions { ...QueuedPrescription }
  }
`,
  [QUEUED_PRESCRIPTION],
);

export const PRESCRIPTION_FINALISED = graphql(
  `
  subscription PrescriptionFinalised($after: String) {
    prescriptionFinalised(after: $after) { cursor prescription { ...QueuedPrescription } }
  }
`,
  [QUEUED_PRESCRIPTION],
);

const waiting = (rx: QueuedPrescription) => rx.status === 'FINALISED' || rx.status === 'PARTLY_DISPENSED';
const oldestFirst = (a: QueuedPrescription, b: QueuedPrescription) => (a.finalisedAt ?? '').localeCompare(b.finalisedAt ?? '');

/** Finalised prescriptions waiting to be dispensed, oldest first; a newly finalised one joins live. */
export function DispenseQueue() {
  const zone = useFacilityZone();
  const [result] = createQuery({ query: DISPENSABLE });
  const queue = createLiveList<QueuedPrescription>(
    () => (result.data?.dispensablePrescriptions ? readFragment(QUEUED_PRESCRIPTION, result.data.dispensablePrescriptions) : undefined),
    waiting,
    oldestFirst,
  );
  createSubscription({ query: PRESCRIPTION_FINALISED }, (_previous, data) => {
    queue.apply(readFragment(QUEUED_PRESCRIPTION, data.prescriptionFinalised.prescription));
    return data;
  });
  return (
    <section class="page" aria-labelledby="dispense-queue-title">
      <h1 id="dispense-queue-title">Dispense queue</h1>
      <Loaded result={result} isEmpty={() => !queue.items().length} empty="No prescriptions waiting.">
        {() => (
          <ul class="cards">
            <For each={queue.items()}>
              {(rx) => (
                <li class="card" data-prescription={rx.id}>
                  <h2>
                    {rx.patient.displayName} <small>MRN {rx.patient.mrn}</small>
                  </h2>
                  <p>
                    {PRESCRIPTION_STATUS[rx.status]} by {rx.prescriber.displayName}
                    {rx.finalisedAt ? ` · ${formatZonedDateTime(rx.finalisedAt, zone())}` : ''}
                  </p>
                  <ul>
                    <For each={rx.items}>
                      {(i) => (
                        <li>
                          {i.medicineName}: {i.quantity - i.dispensedQuantity} of {i.quantity} to give
                        </li>
                      )}
                    </For>
                  </ul>
                  <A href={`/pharmacy/dispense/${rx.id}`} class="button">
                    Dispense for {rx.patient.displayName}
                  </A>
                </li>
              )}
            </For>
          </ul>
        )}
      </Loaded>
    </section>
  );
}
