import { Navigate, useLocation } from '@solidjs/router';
import type { CombinedError } from '@urql/core';
import { createMutation, createQuery } from '@urql/solid';
import { createSignal, For, Show } from 'solid-js';
import { useApp } from '../lib/app-context.ts';
import { AUTH_PAYLOAD } from '../lib/auth-payload.ts';
import { readFragment } from '../lib/graphql.ts';
import { REFRESH } from '../lib/refresh-session.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { Field } from '../ui/Field.tsx';
import { Loaded } from '../ui/Loaded.tsx';
import { CONFIRM_MFA_ENROLMENT, DISABLE_MFA, MY_MFA, START_MFA_ENROLMENT } from './mfa-queries.ts';

/** `/account/security`: two-step sign-in with an authenticator app: set it up, see the recovery codes once, turn it off. */
export function TwoStepSignIn() {
  const { session } = useApp();
  const location = useLocation();
  return (
    <Show when={session.account()} fallback={<Navigate href={`/sign-in?next=${encodeURIComponent(location.pathname)}`} />}>
      <SecurityPage />
    </Show>
  );
}

const svgImage = (svg: string) => `data:image/svg+xml;base64,${btoa(svg)}`;

function SecurityPage() {
  const [status, refetch] = createQuery({ query: MY_MFA, requestPolicy: 'network-only' });
  const [recoveryCodes, setRecoveryCodes] = createSignal<string[] | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <section class="page narrow" aria-labelledby="security-title">
      <h1 id="security-title">Two-step sign-in</h1>
      <p class="muted">Signing in asks for a code from an authenticator app on your phone as well as your password.</p>
      <Show
        when={recoveryCodes()}
        fallback={
          <Loaded result={status}>
            {(data) => (
              <Show
                when={data().myMfa?.enabled}
                fallback={
                  <Enrol
                    required={!!data().myMfa?.required}
                    onEnrolled={(codes) => {
                      setRecoveryCodes(codes);
                      reload();
                    }}
                  />
                }
              >
                <p role="status">Two-step sign-in is on. You have {data().myMfa?.recoveryCodesLeft} unused recovery codes.</p>
                <Show when={!data().myMfa?.required} fallback={<p class="muted">Your role requires two-step sign-in, so it stays on.</p>}>
                  <TurnOff onDone={reload} />
                </Show>
              </Show>
            )}
          </Loaded>
        }
      >
        {(codes) => <RecoveryCodes codes={codes()} onDone={() => setRecoveryCodes(null)} />}
      </Show>
    </section>
  );
}

function CodeForm(props: { label: string; button: string; busy: boolean; error: CombinedError | undefined; onCode: (code: string) => void }) {
  const [code, setCode] = createSignal('');
  const [missing, setMissing] = createSignal<string | null>(null);
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    setMissing(code().trim() ? null : 'Enter the code from your authenticator app.');
    if (!missing()) props.onCode(code().trim());
  };
  return (
    <form onSubmit={submit} aria-label={props.label} novalidate>
      <Field label="Code from the app" error={missing()}>
        {(c) => <input {...c} name="code" inputmode="numeric" autocomplete="one-time-code" value={code()} onInput={(e) => setCode(e.currentTarget.value)} />}
      </Field>
      <ErrorNotice error={props.error} />
      <button type="submit" disabled={props.busy}>
        {props.button}
      </button>
    </form>
  );
}

function Enrol(props: { required: boolean; onEnrolled: (codes: string[]) => void }) {
  const { session } = useApp();
  const [started, start] = createMutation(START_MFA_ENROLMENT);
  const [confirmed, confirm] = createMutation(CONFIRM_MFA_ENROLMENT);
  const [, refresh] = createMutation(REFRESH);
  const onCode = async (code: string) => {
    const result = await confirm({ code });
    if (!result.data) return;
    // This session now counts as confirmed with a second factor: a refreshed token says so.
    const refreshToken = session.refreshToken();
    const refreshed = refreshToken ? await refresh({ refreshToken }) : null;
    if (refreshed?.data) session.signIn(readFragment(AUTH_PAYLOAD, refreshed.data.refreshSession));
    props.onEnrolled(result.data.confirmMfaEnrolment);
  };
  return (
    <>
      <Show when={props.required}>
        <p class="notice" role="status">
          Your role requires two-step sign-in. Set it up to use Clinigraph.
        </p>
      </Show>
      <Show
        when={started.data?.startMfaEnrolment}
        fallback={
          <>
            <ErrorNotice error={started.error} />
            <button type="button" disabled={started.fetching} onClick={() => start({})}>
              Set up two-step sign-in
            </button>
          </>
        }
      >
        {(enrolment) => (
          <>
            <h2>1. Scan the code</h2>
            <p>Scan it with an authenticator app (for example Google Authenticator, Microsoft Authenticator or 1Password).</p>
            <img class="qr-code" src={svgImage(enrolment().qrCodeSvg)} alt="QR code for your authenticator app" width="200" height="200" />
            <p>
              Or type this key: <code data-testid="mfa-secret">{enrolment().secret}</code>
            </p>
            <h2>2. Enter the code it shows</h2>
            <CodeForm label="Confirm two-step sign-in" button="Turn on" busy={confirmed.fetching} error={confirmed.error} onCode={onCode} />
          </>
        )}
      </Show>
    </>
  );
}

function RecoveryCodes(props: { codes: string[]; onDone: () => void }) {
  return (
    <>
      <p class="notice" role="status">
        Two-step sign-in is on.
      </p>
      <h2>Your recovery codes</h2>
      <p>Each code signs you in once if you lose your phone. Keep them somewhere safe: they are shown only now.</p>
      <ul class="recovery-codes" aria-label="Recovery codes">
        <For each={props.codes}>
          {(code) => (
            <li>
              <code>{code}</code>
            </li>
          )}
        </For>
      </ul>
      <button type="button" onClick={() => props.onDone()}>
        I have saved my recovery codes
      </button>
    </>
  );
}

function TurnOff(props: { onDone: () => void }) {
  const [state, disable] = createMutation(DISABLE_MFA);
  const onCode = async (code: string) => {
    const result = await disable({ code });
    if (result.data?.disableMfa) props.onDone();
  };
  return (
    <>
      <h2>Turn off</h2>
      <CodeForm label="Turn off two-step sign-in" button="Turn off two-step sign-in" busy={state.fetching} error={state.error} onCode={onCode} />
    </>
  );
}
