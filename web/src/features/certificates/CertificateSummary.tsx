import { Show } from 'solid-js';
import { formatDate, formatZonedDateTime } from '../../lib/format.ts';
import { CERTIFICATE_STATUS } from '../../lib/labels/clinical.ts';
import type { CertificateInfo } from './queries.ts';

/** When a certificate is valid: one day, or from–to. */
export const validity = (c: Pick<CertificateInfo, 'validFrom' | 'validTo'>): string =>
  c.validFrom === c.validTo ? formatDate(c.validFrom) : `${formatDate(c.validFrom)} – ${formatDate(c.validTo)}`;

/** A certificate's title, dates, status and the reasons given, as both the doctor and the patient read it. */
export function CertificateSummary(props: { certificate: CertificateInfo; timeZone?: string }) {
  const c = () => props.certificate;
  return (
    <>
      <h3>
        {c().title} <small>{CERTIFICATE_STATUS[c().status]}</small>
      </h3>
      <p>
        Valid {validity(c())} · requested {formatZonedDateTime(c().requestedAt, props.timeZone)}
        {c().doctor ? ` · by ${c().doctor!.displayName}` : ''}
      </p>
      <Show when={c().patientReason}>
        <p>Reason given: {c().patientReason}</p>
      </Show>
      <Show when={c().remarks}>
        <p>Remarks: {c().remarks}</p>
      </Show>
      <Show when={c().declineReason}>
        <p>Declined: {c().declineReason}</p>
      </Show>
    </>
  );
}
