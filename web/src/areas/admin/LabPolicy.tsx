import { createMutation, createQuery } from '@urql/solid';
import { For, Show } from 'solid-js';
import { graphql } from '../../lib/graphql.ts';
import { UNAVAILABLE } from '../../lib/unavailable.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { ResultDelayForm } from './ResultDelayForm.tsx';

export const LAB_POLICIES = graphql(`
  query LabPolicies {
    facilities { id name singlePersonLab patientResultDelayHours }
  }
`);

export const SET_LAB_POLICY = graphql(`
  mutation SetFacilityLabPolicy($facilityId: ID!, $singlePersonLab: Boolean!) {
    setFacilityLabPolicy(facilityId: $facilityId, singlePersonLab: $singlePersonLab) { id singlePersonLab }
  }
`);

/**
 * Four eyes on lab results, per facility: by default a second member of the lab verifies what one
 * entered; a facility with a single lab technician can allow one person to do both.
 */
export function LabPolicy() {
  const [result] = createQuery({ query: LAB_POLICIES });
  const [state, set] = createMutation(SET_LAB_POLICY);
  return (
    <section class="page" aria-labelledby="lab-policy-title">
      <h1 id="lab-policy-title">Lab policy</h1>
      <p>Four eyes: the person who verifies a lab result must not be the one who entered it, unless the facility allows a single-person lab.</p>
      <ErrorNotice error={state.error} />
      <Loaded result={result} isEmpty={(d) => !d.facilities.length} empty="No facilities yet.">
        {(data) => (
          <ul class="checks choices">
            <For each={data().facilities}>
              {(f) => (
                <li>
                  <label>
                    <input
                      type="checkbox"
                      checked={f.singlePersonLab ?? false}
                      disabled={state.fetching || f.singlePersonLab === null}
                      onChange={(e) => set({ facilityId: f.id, singlePersonLab: e.currentTarget.checked })}
                    />{' '}
                    {f.name}: one person may enter and verify the same results
                    {f.singlePersonLab === null ? ` (the setting is ${UNAVAILABLE} right now)` : ''}
                  </label>
                </li>
              )}
            </For>
          </ul>
        )}
      </Loaded>
      <h2>Abnormal results and the patient</h2>
      <p>
        An abnormal or critical result reaches the patient once the ordering doctor has marked it seen, or after this many hours, whichever comes first. Normal
        results reach the patient when the lab releases them.
      </p>
      <Loaded result={result}>
        {(data) => (
          <For each={data().facilities}>
            {(f) => (
              <Show
                when={f.patientResultDelayHours !== null && { hours: f.patientResultDelayHours }}
                fallback={<p class="empty">{`${f.name}: the delay is ${UNAVAILABLE} right now.`}</p>}
              >
                {(delay) => <ResultDelayForm facilityId={f.id} facilityName={f.name} hours={delay().hours} />}
              </Show>
            )}
          </For>
        )}
      </Loaded>
    </section>
  );
}
