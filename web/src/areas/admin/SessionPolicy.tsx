import { createMutation, createQuery } from '@urql/solid';
import { createSignal, For } from 'solid-js';
import { graphql } from '../../lib/graphql.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { Status } from '../../ui/Status.tsx';

export const SESSION_POLICIES = graphql(`
  query SessionPolicies {
    facilities { id name sessionIdleMinutes }
  }
`);

export const SET_SESSION_POLICY = graphql(`
  mutation SetFacilitySessionPolicy($facilityId: ID!, $idleTimeoutMinutes: Int!) {
    setFacilitySessionPolicy(facilityId: $facilityId, idleTimeoutMinutes: $idleTimeoutMinutes) { id sessionIdleMinutes }
  }
`);

/** The idle timeouts a facility may choose (the API accepts 15–60 minutes). */
const CHOICES = [15, 20, 30, 45, 60];

/** How long staff may leave a session unused before it signs them out, per facility (the strictest of a person's facilities applies). */
export function SessionPolicy() {
  const [result] = createQuery({ query: SESSION_POLICIES });
  const [state, set] = createMutation(SET_SESSION_POLICY);
  const [saved, setSaved] = createSignal<string | null>(null);
  const choose = async (facilityId: string, name: string, minutes: number) => {
    setSaved(null);
    const answer = await set({ facilityId, idleTimeoutMinutes: minutes });
    if (answer.data?.setFacilitySessionPolicy) setSaved(`${name}: staff are signed out after ${minutes} idle minutes.`);
  };
  return (
    <section class="page narrow" aria-labelledby="session-policy-title">
      <h1 id="session-policy-title">Sign-in sessions</h1>
      <p>
        Staff are signed out when they leave a session unused this long; someone who works at several facilities gets the shortest of their timeouts. A session
        also ends 12 hours after sign-in however active it is. Open sessions apply a change within 15 minutes.
      </p>
      <ErrorNotice error={state.error} />
      <Status when={saved()}>{saved()}</Status>
      <Loaded result={result} isEmpty={(d) => !d.facilities.length} empty="No facilities yet.">
        {(data) => (
          <For each={data().facilities}>
            {(f) => (
              <Field label={`Idle timeout at ${f.name}`}>
                {(c) => (
                  <select {...c} disabled={state.fetching} onChange={(e) => choose(f.id, f.name, Number(e.currentTarget.value))}>
                    <For each={CHOICES}>
                      {(m) => (
                        <option value={m} selected={m === f.sessionIdleMinutes}>
                          {m} minutes
                        </option>
                      )}
                    </For>
                  </select>
                )}
              </Field>
            )}
          </For>
        )}
      </Loaded>
    </section>
  );
}
