import { A } from '@solidjs/router';
import { createQuery, gql } from '@urql/solid';
import { For } from 'solid-js';
import { formatDateTime, humanize } from '../../lib/format.ts';
import { Loaded } from '../../ui/Loaded.tsx';

export const DISPENSABLE = gql`
  query Dispensable {
    dispensablePrescriptions {
      id status finalisedAt validUntil
      patient { id displayName mrn }
      prescriber { displayName }
      items { id medicineName quantity dispensedQuantity }
    }
  }
`;

export interface QueuedPrescription {
  id: string;
  status: string;
  finalisedAt: string | null;
  validUntil: string;
  patient: { id: string; displayName: string; mrn: string };
  prescriber: { displayName: string };
  items: { id: string; medicineName: string; quantity: number; dispensedQuantity: number }[];
}

/** Finalised prescriptions waiting to be dispensed, oldest first. */
export function DispenseQueue() {
  const [result, refetch] = createQuery<{ dispensablePrescriptions: QueuedPrescription[] }>({ query: DISPENSABLE });
  return (
    <section class="page" aria-labelledby="dispense-queue-title">
      <h1 id="dispense-queue-title">Dispense queue</h1>
      <button type="button" class="secondary" onClick={() => refetch({ requestPolicy: 'network-only' })}>
        Refresh
      </button>
      <Loaded result={result} isEmpty={(d) => !d.dispensablePrescriptions.length} empty="No prescriptions waiting.">
        {(data) => (
          <ul class="cards">
            <For each={data().dispensablePrescriptions}>
              {(rx) => (
                <li class="card" data-prescription={rx.id}>
                  <h2>
                    {rx.patient.displayName} <small>MRN {rx.patient.mrn}</small>
                  </h2>
                  <p>
                    {humanize(rx.status)} by {rx.prescriber.displayName}
                    {rx.finalisedAt ? ` · ${formatDateTime(rx.finalisedAt)}` : ''}
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
