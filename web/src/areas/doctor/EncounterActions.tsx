import { createMutation } from '@urql/solid';
import { createSignal, Match, Switch } from 'solid-js';
import { graphql } from '../../lib/graphql.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import type { EncounterInfo } from './queries.ts';

export const START_CONSULTATION = graphql(`
  mutation StartConsultation($id: ID!) {
    startConsultation(id: $id) { id status }
  }
`);

export const CLOSE_ENCOUNTER = graphql(`
  mutation CloseEncounter($id: ID!, $followUp: FollowUpInput) {
    closeEncounter(id: $id, followUp: $followUp) { id status closedAt }
  }
`);

/** Start the consultation, or close the encounter with an optional follow-up. */
export function EncounterActions(props: { encounter: EncounterInfo }) {
  const [start, runStart] = createMutation(START_CONSULTATION);
  const [close, runClose] = createMutation(CLOSE_ENCOUNTER);
  const [followUpDays, setFollowUpDays] = createSignal('');
  const [invalid, setInvalid] = createSignal<string | null>(null);
  const closeIt = () => {
    const days = followUpDays().trim();
    if (days && !/^\d+$/.test(days)) return setInvalid('Enter the number of days, or leave it empty.');
    setInvalid(null);
    void runClose({ id: props.encounter.id, followUp: days ? { inDays: Number(days) } : null });
  };
  return (
    <div class="actions encounter-actions">
      <Switch>
        <Match when={props.encounter.status === 'OPEN'}>
          <button type="button" onClick={() => runStart({ id: props.encounter.id })} disabled={start.fetching}>
            Start consultation
          </button>
        </Match>
        <Match when={props.encounter.status === 'IN_CONSULTATION'}>
          <Field label="Follow-up in days (optional)" error={invalid()}>
            {(c) => <input {...c} inputmode="numeric" value={followUpDays()} onInput={(e) => setFollowUpDays(e.currentTarget.value)} />}
          </Field>
          <button type="button" onClick={closeIt} disabled={close.fetching}>
            Close encounter
          </button>
        </Match>
      </Switch>
      <ErrorNotice error={start.error ?? close.error} />
    </div>
  );
}
