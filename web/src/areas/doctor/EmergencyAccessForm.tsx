import { createMutation, createQuery } from '@urql/solid';
import { createSignal, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { useApp } from '../../lib/app-context.ts';
import { describeError } from '../../lib/errors.ts';
import { graphql } from '../../lib/graphql.ts';
import { birthDateBounds, check, collect } from '../../lib/validate.ts';
import { MY_MFA } from '../../shell/mfa-queries.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';

export const BREAK_THE_GLASS = graphql(`
  mutation BreakTheGlass($input: BreakTheGlassInput!) {
    breakTheGlass(input: $input) { patientId accessToken accessTokenExpiresAt grant { id expiresAt } }
  }
`);

/**
 * Break-the-glass: open the chart of a patient outside one's facilities in an emergency. The patient is
 * named exactly (MRN, or family name and date of birth), the reason is required, and the person proves it
 * is them again (password, or an authenticator code with two-step sign-in). On success this tab's
 * session uses the access token that holds the patient, and the chart opens.
 */
export function EmergencyAccessForm(props: { search: string; onOpened: (patientId: string) => void; onCancel: () => void }) {
  const { session } = useApp();
  const looksLikeMrn = /^CG\d{8}$/i.test(props.search.trim());
  const [form, setForm] = createStore({ mrn: looksLikeMrn ? props.search.trim() : '', familyName: '', dateOfBirth: '', reason: '', password: '', code: '' });
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [mfa] = createQuery({ query: MY_MFA });
  const usesCode = () => mfa.data?.myMfa?.enabled === true;
  const [state, open] = createMutation(BREAK_THE_GLASS);
  const fieldError = (name: string) => errors()[name] ?? describeError(state.error)?.fields[name];
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const byMrn = form.mrn.trim() !== '';
    const found = collect({
      mrn: byMrn || form.familyName.trim() || form.dateOfBirth ? null : 'Enter the MRN, or the family name and date of birth.',
      familyName: byMrn || form.familyName.trim() ? null : 'Enter the family name (or the MRN).',
      dateOfBirth: byMrn ? null : check.birthDate(form.dateOfBirth),
      reason: form.reason.trim().length >= 10 ? null : 'Say why you need this chart (at least 10 characters).',
      password: usesCode() ? null : check.required(form.password, 'Enter your password.'),
      code: usesCode() ? check.required(form.code, 'Enter the code from your authenticator app.') : null,
    });
    setErrors(found);
    if (Object.keys(found).length) return;
    const result = await open({
      input: {
        ...(byMrn ? { mrn: form.mrn.trim() } : { familyName: form.familyName.trim(), dateOfBirth: form.dateOfBirth }),
        reason: form.reason.trim(),
        ...(usesCode() ? { code: form.code.trim() } : { password: form.password }),
      },
    });
    const opened = result.data?.breakTheGlass;
    if (opened) {
      session.useAccessToken(opened.accessToken, opened.accessTokenExpiresAt);
      props.onOpened(opened.patientId);
    }
  };
  const notFound = () => describeError(state.error)?.code === 'NOT_FOUND';
  return (
    <form onSubmit={submit} aria-label="Emergency access" class="card" novalidate>
      <h2>Emergency access</h2>
      <p class="muted">
        Open the chart of a patient outside your facilities when their care cannot wait. Name the patient exactly; your reason and everything you read are
        recorded and reviewed by an administrator.
      </p>
      <div class="row">
        <Field label="MRN" error={fieldError('mrn')}>
          {(c) => <input {...c} value={form.mrn} onInput={(e) => setForm('mrn', e.currentTarget.value)} autocomplete="off" />}
        </Field>
        <Field label="Family name" hint="Or family name and date of birth" error={fieldError('familyName')}>
          {(c) => <input {...c} value={form.familyName} onInput={(e) => setForm('familyName', e.currentTarget.value)} autocomplete="off" />}
        </Field>
        <Field label="Date of birth" error={fieldError('dateOfBirth')}>
          {(c) => (
            <input
              {...c}
              type="date"
              min={birthDateBounds().min}
              max={birthDateBounds().max}
              value={form.dateOfBirth}
              onInput={(e) => setForm('dateOfBirth', e.currentTarget.value)}
            />
          )}
        </Field>
      </div>
      <Field label="Reason" hint="Why you need this chart now" error={fieldError('reason')}>
        {(c) => <textarea {...c} rows={3} value={form.reason} onInput={(e) => setForm('reason', e.currentTarget.value)} />}
      </Field>
      <Show
        when={usesCode()}
        fallback={
          <Field label="Your password" hint="To confirm it is you" error={fieldError('password')}>
            {(c) => (
              <input {...c} type="password" autocomplete="current-password" value={form.password} onInput={(e) => setForm('password', e.currentTarget.value)} />
            )}
          </Field>
        }
      >
        <Field label="Authenticator code" hint="Or a recovery code" error={fieldError('code')}>
          {(c) => <input {...c} inputmode="numeric" autocomplete="one-time-code" value={form.code} onInput={(e) => setForm('code', e.currentTarget.value)} />}
        </Field>
      </Show>
      <Show when={notFound()} fallback={<ErrorNotice error={state.error} />}>
        <p class="field-error" role="alert">
          No patient matches these details exactly. Check the MRN, or the family name and date of birth.
        </p>
      </Show>
      <div class="actions">
        <button type="submit" disabled={state.fetching}>
          Open the chart
        </button>
        <button type="button" class="secondary" onClick={() => props.onCancel()}>
          Cancel
        </button>
      </div>
    </form>
  );
}
