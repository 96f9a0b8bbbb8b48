import { createMutation, createQuery } from '@urql/solid';
import { createSignal, For, Show } from 'solid-js';
import { CertificatePdfButton } from '../../features/certificates/CertificatePdfButton.tsx';
import type { CertificateTemplate } from '../../features/certificates/queries.ts';
import { CERTIFICATE_TEMPLATES } from '../../features/certificates/queries.ts';
import { describeError } from '../../lib/errors.ts';
import { collect } from '../../lib/validate.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { Status } from '../../ui/Status.tsx';
import { ISSUE_CERTIFICATE } from './certificate-queries.ts';

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/**
 * Issues a certificate from a template, already approved, for a patient (and the encounter it comes
 * from, if any). Dates are the facility's local dates; `today` is the facility's today.
 */
export function IssueCertificateForm(props: { patientId: string; encounterId?: string; today: string; onIssued: () => void }) {
  const [templates] = createQuery({ query: CERTIFICATE_TEMPLATES });
  const [template, setTemplate] = createSignal<CertificateTemplate>('SICK_LEAVE');
  const [from, setFrom] = createSignal(props.today);
  const [to, setTo] = createSignal(props.today);
  const [remarks, setRemarks] = createSignal('');
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [state, issue] = createMutation(ISSUE_CERTIFICATE);
  const error = (name: string) => errors()[name] ?? describeError(state.error)?.fields[name];
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const found = collect({
      validFrom: isDate(from()) ? null : 'Enter the first day.',
      validTo: !isDate(to()) ? 'Enter the last day.' : isDate(from()) && to() < from() ? 'The last day cannot be before the first.' : null,
    });
    setErrors(found);
    if (Object.keys(found).length) return;
    const result = await issue({
      patientId: props.patientId,
      encounterId: props.encounterId ?? null,
      template: template(),
      validFrom: from(),
      validTo: to(),
      remarks: remarks().trim() || null,
    });
    if (result.data) {
      setRemarks('');
      props.onIssued();
    }
  };
  return (
    <form onSubmit={submit} aria-label="Issue a certificate" novalidate>
      <Field label="Certificate" error={error('template')}>
        {(c) => (
          <select {...c} value={template()} onChange={(e) => setTemplate(e.currentTarget.value as CertificateTemplate)}>
            <For each={templates.data?.certificateTemplates ?? []}>{(t) => <option value={t.template}>{t.title}</option>}</For>
          </select>
        )}
      </Field>
      <div class="row">
        <Field label="Valid from" error={error('validFrom')}>
          {(c) => <input {...c} type="date" value={from()} onInput={(e) => setFrom(e.currentTarget.value)} />}
        </Field>
        <Field label="Valid to" error={error('validTo')} hint="At most 90 days after the first day.">
          {(c) => <input {...c} type="date" value={to()} onInput={(e) => setTo(e.currentTarget.value)} />}
        </Field>
      </div>
      <Field label="Remarks (optional)" error={error('remarks')}>
        {(c) => <textarea {...c} rows={2} value={remarks()} onInput={(e) => setRemarks(e.currentTarget.value)} />}
      </Field>
      <ErrorNotice error={state.error} />
      <button type="submit" disabled={state.fetching}>
        Issue certificate
      </button>
      <Show when={state.data?.issueCertificate}>
        {(c) => (
          <>
            <Status when>Certificate issued: {c().title}.</Status>
            <CertificatePdfButton id={c().id} />
          </>
        )}
      </Show>
    </form>
  );
}
