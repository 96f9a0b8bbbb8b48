import type { CombinedError } from '@urql/core';
import { useClient } from '@urql/solid';
import { createSignal, Show } from 'solid-js';
import { useApp } from '../../lib/app-context.ts';
import { downloadText } from '../../lib/download.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { MY_HEALTH, MY_VISITS } from './health-queries.ts';
import { RecordPdfButton } from './RecordPdfButton.tsx';

/**
 * The patient's own record as one JSON file (their right of access and portability): the same data the
 * portal shows, read through the API as the patient, so it never holds more than they may see.
 */
export function RecordDownload() {
  const { session } = useApp();
  const client = useClient();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<CombinedError | null>(null);
  const download = async () => {
    const id = session.account()?.patientId;
    if (!id) return;
    setBusy(true);
    const [health, visits] = await Promise.all([
      client.query(MY_HEALTH, { id }, { requestPolicy: 'network-only' }).toPromise(),
      client.query(MY_VISITS, { id }, { requestPolicy: 'network-only' }).toPromise(),
    ]);
    setError(health.error ?? visits.error ?? null);
    const patient = health.data?.patient;
    const encounters = visits.data?.patient?.encounters;
    if (patient && encounters) {
      const record = { exportedAt: new Date().toISOString(), patient, visits: encounters };
      downloadText(`my-record-${patient.mrn}.json`, JSON.stringify(record, null, 2), 'application/json');
    }
    setBusy(false);
  };
  return (
    <section class="card" aria-labelledby="record-title">
      <h2 id="record-title">Your record</h2>
      <p>
        Download everything shown here, your past visits and your released results: as a PDF to read or print, or as one file (JSON) to give another clinic.
      </p>
      <div class="actions">
        <Show when={session.account()?.patientId}>{(id) => <RecordPdfButton patientId={id()} />}</Show>
        <button type="button" class="secondary" onClick={download} disabled={busy()}>
          {busy() ? 'Preparing…' : 'Download my record (JSON)'}
        </button>
      </div>
      <ErrorNotice error={error()} />
    </section>
  );
}
