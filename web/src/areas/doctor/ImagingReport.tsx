import { Show } from 'solid-js';
import { formatZonedDateTime } from '../../lib/format.ts';
import { ORDER_PRIORITY, RADIOLOGY_STATUS } from '../../lib/labels/clinical.ts';
import { modalityLabel, type RadiologyOrderInfo } from './radiology-queries.ts';

/** One imaging order's heading and, once reported, its current report. */
export function ImagingReport(props: { order: RadiologyOrderInfo }) {
  const o = () => props.order;
  const zone = () => o().encounter.facility?.timezone;
  return (
    <>
      <p>
        <strong>
          {modalityLabel(o().modality)} · {o().bodyPart}
        </strong>{' '}
        · {ORDER_PRIORITY[o().priority]} · {RADIOLOGY_STATUS[o().status]} · ordered {formatZonedDateTime(o().orderedAt, zone())}
        {o().verifiedAt ? ` · verified ${formatZonedDateTime(o().verifiedAt!, zone())}` : ''}
      </p>
      <Show when={o().clinicalInfo}>
        <p>Clinical info: {o().clinicalInfo}</p>
      </Show>
      <Show when={o().report}>
        {(r) => (
          <dl class="report">
            <dt>Impression{r().version > 1 ? ` (corrected, version ${r().version})` : ''}</dt>
            <dd>{r().impression}</dd>
            <dt>Findings</dt>
            <dd>{r().findings}</dd>
            <Show when={r().correctionReason}>
              <dt>Reason for correction</dt>
              <dd>{r().correctionReason}</dd>
            </Show>
          </dl>
        )}
      </Show>
    </>
  );
}
