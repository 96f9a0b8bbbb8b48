import { A } from '@solidjs/router';
import { createMutation, createQuery } from '@urql/solid';
import { createSignal, For, Show } from 'solid-js';
import { readFragment } from '../../lib/graphql.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { ImagingReport } from './ImagingReport.tsx';
import { ImagingReportForm } from './ImagingReportForm.tsx';
import {
  modalityLabel,
  RADIOLOGY_ORDER_FIELDS,
  RADIOLOGY_TYPENAMES,
  RADIOLOGY_WORKLIST,
  type RadiologyStatus,
  type RadiologyWorklistRow,
  VERIFY_IMAGING,
} from './radiology-queries.ts';

const VIEWS: { status: RadiologyStatus; label: string; empty: string }[] = [
  { status: 'ORDERED', label: 'To report', empty: 'No studies waiting for a report.' },
  { status: 'REPORTED', label: 'To verify', empty: 'No reports waiting for verification.' },
  { status: 'VERIFIED', label: 'Verified', empty: 'No verified studies.' },
];

/** One study on the worklist: the patient, the report so far, and the next step (report, verify or correct). */
function WorklistEntry(props: { row: RadiologyWorklistRow }) {
  const order = () => readFragment(RADIOLOGY_ORDER_FIELDS, props.row);
  const label = () => `${props.row.patient.displayName}, ${modalityLabel(order().modality)} ${order().bodyPart}`;
  const [verified, verify] = createMutation(VERIFY_IMAGING);
  return (
    <li class="card" aria-label={label()}>
      <h2>
        <A href={`/doctor/patients/${props.row.patient.id}`}>{props.row.patient.displayName}</A> <small>MRN {props.row.patient.mrn}</small>
      </h2>
      <ImagingReport order={order()} />
      <p>Ordered by {props.row.orderingProvider.displayName}</p>
      <Show when={order().status === 'REPORTED'}>
        <button type="button" onClick={() => verify({ id: order().id })} disabled={verified.fetching}>
          Verify report
        </button>
        <ErrorNotice error={verified.error} />
      </Show>
      <Show
        when={order().status === 'ORDERED'}
        fallback={
          <details>
            <summary>Correct the report</summary>
            <ImagingReportForm orderId={order().id} label={label()} correcting />
          </details>
        }
      >
        <ImagingReportForm orderId={order().id} label={label()} correcting={false} />
      </Show>
    </li>
  );
}

/** Doctors' imaging worklist: studies to report, reports to verify, and verified studies to correct. */
export function ImagingWorklist() {
  const [view, setView] = createSignal(VIEWS[0]!);
  const [result] = createQuery({ query: RADIOLOGY_WORKLIST, variables: () => ({ statuses: [view().status] }), context: RADIOLOGY_TYPENAMES });
  return (
    <section class="page" aria-labelledby="imaging-title">
      <h1 id="imaging-title">Imaging</h1>
      <fieldset class="toolbar">
        <legend class="visually-hidden">Show</legend>
        <For each={VIEWS}>
          {(v) => (
            <button type="button" class={view() === v ? '' : 'secondary'} aria-pressed={view() === v} onClick={() => setView(v)}>
              {v.label}
            </button>
          )}
        </For>
      </fieldset>
      <Loaded result={result} isEmpty={(d) => !d.radiologyWorklist.length} empty={view().empty}>
        {(data) => (
          <ul class="cards">
            <For each={data().radiologyWorklist}>{(row) => <WorklistEntry row={row} />}</For>
          </ul>
        )}
      </Loaded>
    </section>
  );
}
