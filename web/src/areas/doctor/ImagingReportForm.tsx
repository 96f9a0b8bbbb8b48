import { createMutation } from '@urql/solid';
import { createSignal, Show } from 'solid-js';
import { describeError } from '../../lib/errors.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { REPORT_IMAGING } from './radiology-queries.ts';

/** Writes an imaging report; when the study already has one, this is a correction and needs a reason. */
export function ImagingReportForm(props: { orderId: string; label: string; correcting: boolean }) {
  const [findings, setFindings] = createSignal('');
  const [impression, setImpression] = createSignal('');
  const [reason, setReason] = createSignal('');
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [state, report] = createMutation(REPORT_IMAGING);
  const fieldError = (name: string) => errors()[name] ?? describeError(state.error)?.fields[name];
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!findings().trim()) found.findings = 'Describe the findings.';
    if (!impression().trim()) found.impression = 'Give the impression.';
    if (props.correcting && reason().trim().length < 5) found.correctionReason = 'Say why the report is corrected (at least 5 characters).';
    setErrors(found);
    if (Object.keys(found).length) return;
    const result = await report({
      orderId: props.orderId,
      findings: findings().trim(),
      impression: impression().trim(),
      correctionReason: props.correcting ? reason().trim() : null,
    });
    if (result.data) {
      setFindings('');
      setImpression('');
      setReason('');
    }
  };
  return (
    <form onSubmit={submit} aria-label={`${props.correcting ? 'Correct report' : 'Report'} for ${props.label}`} novalidate>
      <Field label="Findings" error={fieldError('findings')}>
        {(c) => <textarea {...c} rows={3} value={findings()} onInput={(e) => setFindings(e.currentTarget.value)} />}
      </Field>
      <Field label="Impression" error={fieldError('impression')}>
        {(c) => <textarea {...c} rows={2} value={impression()} onInput={(e) => setImpression(e.currentTarget.value)} />}
      </Field>
      <Show when={props.correcting}>
        <Field label="Reason for the correction" error={fieldError('correctionReason')}>
          {(c) => <input {...c} value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />}
        </Field>
      </Show>
      <ErrorNotice error={state.error} />
      <button type="submit" disabled={state.fetching}>
        {props.correcting ? 'Save corrected report' : 'Save report'}
      </button>
    </form>
  );
}
