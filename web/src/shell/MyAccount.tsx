import { A, Navigate, useLocation } from '@solidjs/router';
import { Show } from 'solid-js';
import { useApp } from '../lib/app-context.ts';
import { ROLE } from '../lib/labels/people.ts';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';

/** `/account`: who is signed in, and changing their password. Every signed-in person has it, staff and patients. */
export function MyAccount() {
  const { session } = useApp();
  const location = useLocation();
  return (
    <Show when={session.account()} fallback={<Navigate href={`/sign-in?next=${encodeURIComponent(location.pathname)}`} />}>
      {(account) => (
        <section class="page narrow" aria-labelledby="account-title">
          <h1 id="account-title">My account</h1>
          <dl class="sections">
            <dt>Name</dt>
            <dd>{account().displayName}</dd>
            <dt>E-mail</dt>
            <dd>{account().email}</dd>
            <dt>Roles</dt>
            <dd>
              {account()
                .roles.map((r) => ROLE[r])
                .join(', ')}
            </dd>
          </dl>
          <p>
            <A href="/account/security">Two-step sign-in</A>: a code from your phone as well as your password.
          </p>
          <ChangePasswordForm />
        </section>
      )}
    </Show>
  );
}
