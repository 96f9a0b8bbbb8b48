import { createMutation } from '@urql/solid';
import { createSignal } from 'solid-js';
import { describeError } from '../../lib/errors.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { DECIDE_CERTIFICATE } from './certificate-queries.ts';

/** Approve a patient's certificate request (with optional remarks), or decline it with a reason the patient will read. */
export function CertificateDecision(props: { id: string; onDecided: () => void }) {
  const [remarks, setRemarks] = createSignal('');
  const [reason, setReason] = createSignal('');
  const [missing, setMissing] = createSignal<string | null>(null);
  const [state, decide] = createMutation(DECIDE_CERTIFICATE);
  const apiField = (name: string) => describeError(state.error)?.fields[name];
  const send = async (approve: boolean) => {
    const declineReason = reason().trim();
    setMissing(!approve && !declineReason ? 'Say why you decline; the patient will read it.' : null);
    if (missing()) return;
    const result = await decide({ id: props.id, approve, remarks: remarks().trim() || null, declineReason: approve ? null : declineReason });
    if (result.data) props.onDecided();
  };
  return (
    <form aria-label="Decide the request" novalidate onSubmit={(e) => e.preventDefault()}>
      <Field label="Remarks on the certificate (optional)" error={apiField('remarks')}>
        {(c) => <input {...c} value={remarks()} onInput={(e) => setRemarks(e.currentTarget.value)} />}
      </Field>
      <Field label="Reason for declining" error={missing() ?? apiField('declineReason')}>
        {(c) => <input {...c} value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />}
      </Field>
      <ErrorNotice error={state.error} />
      <div class="row">
        <button type="button" onClick={() => send(true)} disabled={state.fetching}>
          Approve
        </button>
        <button type="button" class="secondary" onClick={() => send(false)} disabled={state.fetching}>
          Decline
        </button>
      </div>
    </form>
  );
}
