import { createMutation, createQuery } from '@urql/solid';
import { createSignal, For } from 'solid-js';
import { CERTIFICATE_TEMPLATES, type CertificateTemplate } from '../../features/certificates/queries.ts';
import { describeError } from '../../lib/errors.ts';
import { collect } from '../../lib/validate.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { Status } from '../../ui/Status.tsx';
import { REQUEST_CERTIFICATE } from './certificate-queries.ts';

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** A patient asks their doctor for a certificate: which one, for which days (the clinic's dates), and why. */
export function RequestCertificateForm(props: { today: string; onRequested: () => void }) {
  const [templates] = createQuery({ query: CERTIFICATE_TEMPLATES });
  const [template, setTemplate] = createSignal<CertificateTemplate>('SICK_LEAVE');
  const [from, setFrom] = createSignal(props.today);
  const [to, setTo] = createSignal(props.today);
  const [reason, setReason] = createSignal('');
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [state, request] = createMutation(REQUEST_CERTIFICATE);
  const error = (name: string) => errors()[name] ?? describeError(state.error)?.fields[name];
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const found = collect({
      validFrom: isDate(from()) ? null : 'Enter the first day.',
      validTo: !isDate(to()) ? 'Enter the last day.' : isDate(from()) && to() < from() ? 'The last day cannot be before the first.' : null,
      reason: reason().trim().length >= 3 ? null : 'Tell your doctor why you need it (at least 3 characters).',
    });
    setErrors(found);
    if (Object.keys(found).length) return;
    const result = await request({ template: template(), validFrom: from(), validTo: to(), reason: reason().trim() });
    if (result.data) {
      setReason('');
      props.onRequested();
    }
  };
  return (
    <form class="card" onSubmit={submit} aria-label="Request a certificate" novalidate>
      <h2>Request a certificate</h2>
      <Field label="Certificate" error={error('template')}>
        {(c) => (
          <select {...c} value={template()} onChange={(e) => setTemplate(e.currentTarget.value as CertificateTemplate)}>
            <For each={templates.data?.certificateTemplates ?? []}>{(t) => <option value={t.template}>{t.title}</option>}</For>
          </select>
        )}
      </Field>
      <div class="row">
        <Field label="From" error={error('validFrom')}>
          {(c) => <input {...c} type="date" value={from()} onInput={(e) => setFrom(e.currentTarget.value)} />}
        </Field>
        <Field label="To" error={error('validTo')} hint="At most 90 days after the first day.">
          {(c) => <input {...c} type="date" value={to()} onInput={(e) => setTo(e.currentTarget.value)} />}
        </Field>
      </div>
      <Field label="Why do you need it?" error={error('reason')}>
        {(c) => <textarea {...c} rows={3} value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />}
      </Field>
      <ErrorNotice error={state.error} />
      <button type="submit" disabled={state.fetching}>
        Send request
      </button>
      <Status when={state.data}>Request sent. Your doctor will decide; you can download the certificate here once it is approved.</Status>
    </form>
  );
}
