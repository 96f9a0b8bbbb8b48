import { createMutation, createQuery } from '@urql/solid';
import { For, Show } from 'solid-js';
import { readFragment } from '../../lib/graphql.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { ImagingOrderForm } from './ImagingOrderForm.tsx';
import { ImagingReport } from './ImagingReport.tsx';
import { CANCEL_IMAGING, ENCOUNTER_IMAGING, modalityLabel, PATIENT_IMAGING, RADIOLOGY_ORDER_FIELDS, RADIOLOGY_TYPENAMES } from './radiology-queries.ts';

/**
 * Imaging of one encounter (with ordering and cancelling while it is open) or of one patient: each
 * study with its report once written.
 */
export function ImagingOrders(props: { encounterId?: string; patientId?: string; editable?: boolean }) {
  const [ofEncounter] = createQuery({
    query: ENCOUNTER_IMAGING,
    variables: () => ({ id: props.encounterId ?? '' }),
    pause: () => !props.encounterId,
    context: RADIOLOGY_TYPENAMES,
  });
  const [ofPatient] = createQuery({
    query: PATIENT_IMAGING,
    variables: () => ({ id: props.patientId ?? '' }),
    pause: () => !!props.encounterId || !props.patientId,
    context: RADIOLOGY_TYPENAMES,
  });
  const [cancelled, cancel] = createMutation(CANCEL_IMAGING);
  const orders = () => readFragment(RADIOLOGY_ORDER_FIELDS, (props.encounterId ? ofEncounter.data?.encounter : ofPatient.data?.patient)?.radiologyOrders ?? []);
  const error = () => (props.encounterId ? ofEncounter.error : ofPatient.error);
  return (
    <section class="card" aria-label="Imaging">
      <h2>Imaging</h2>
      <ErrorNotice error={error()} />
      <ul>
        <For each={orders()} fallback={<li class="empty">No imaging ordered.</li>}>
          {(order) => (
            <li>
              <ImagingReport order={order} />
              <Show when={props.editable && order.status === 'ORDERED'}>
                <button
                  type="button"
                  class="secondary"
                  aria-label={`Cancel ${modalityLabel(order.modality)} ${order.bodyPart}`}
                  disabled={cancelled.fetching}
                  onClick={() => cancel({ id: order.id })}
                >
                  Cancel order
                </button>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <ErrorNotice error={cancelled.error} />
      <Show when={props.editable && props.encounterId}>
        <ImagingOrderForm encounterId={props.encounterId!} />
      </Show>
    </section>
  );
}
