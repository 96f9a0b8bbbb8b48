import { createMutation, createQuery } from '@urql/solid';
import { createEffect, createSignal, For } from 'solid-js';
import { graphql } from '../../lib/graphql.ts';
import { ROLE } from '../../lib/labels/people.ts';
import type { Role } from '../../lib/roles.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { Status } from '../../ui/Status.tsx';
import { ALWAYS_MFA_ROLES, STAFF_ROLES } from './account-queries.ts';

export const MFA_POLICY = graphql(`
  query MfaPolicy { mfaPolicy { requiredRoles } }
`);

export const SET_MFA_POLICY = graphql(`
  mutation SetMfaPolicy($requiredRoles: [Role!]!) { setMfaPolicy(requiredRoles: $requiredRoles) { requiredRoles } }
`);

/** Which staff roles must use two-step sign-in. Admins and network admins always must; patients choose for themselves. */
export function MfaPolicyForm() {
  const [policy] = createQuery({ query: MFA_POLICY });
  const [saved, save] = createMutation(SET_MFA_POLICY);
  const [chosen, setChosen] = createSignal<Role[]>([]);
  createEffect(() => {
    const roles = policy.data?.mfaPolicy?.requiredRoles;
    if (roles) setChosen(roles);
  });
  const toggle = (role: Role, on: boolean) => setChosen((roles) => (on ? [...roles, role] : roles.filter((r) => r !== role)));
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    save({ requiredRoles: chosen() });
  };
  return (
    <form onSubmit={submit} aria-label="Two-step sign-in policy">
      <h2>Two-step sign-in</h2>
      <Loaded result={policy}>
        {() => (
          <fieldset class="checks">
            <legend>Required for</legend>
            <For each={STAFF_ROLES}>
              {(role) => (
                <label>
                  <input
                    type="checkbox"
                    checked={ALWAYS_MFA_ROLES.includes(role) || chosen().includes(role)}
                    disabled={ALWAYS_MFA_ROLES.includes(role)}
                    onChange={(e) => toggle(role, e.currentTarget.checked)}
                  />{' '}
                  {ROLE[role]}
                </label>
              )}
            </For>
          </fieldset>
        )}
      </Loaded>
      <ErrorNotice error={saved.error} />
      <button type="submit" disabled={saved.fetching}>
        Save two-step sign-in policy
      </button>
      <Status when={saved.data}>Saved. It applies from each person’s next sign-in.</Status>
    </form>
  );
}
