import { createMutation, createQuery } from '@urql/solid';
import { createEffect, createSignal, on } from 'solid-js';
import { describeError } from '../../lib/errors.ts';
import { graphql } from '../../lib/graphql.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { Status } from '../../ui/Status.tsx';

export const EXPIRY_WINDOW = graphql(`
  query ExpiryWindow($facilityId: ID!) { expiryWindowDays(facilityId: $facilityId) }
`);

export const SET_EXPIRY_WINDOW = graphql(`
  mutation SetExpiryWindow($facilityId: ID!, $days: Int!) { setExpiryWindow(facilityId: $facilityId, days: $days) }
`);

/** The API's bounds for the window. */
const MIN_DAYS = 1;
const MAX_DAYS = 3650;

/** How many days ahead stock counts as expiring at a facility; saving reads the expiry list again. */
export function ExpiryWindowForm(props: { facilityId: string; onSaved: () => void }) {
  const [result, refetch] = createQuery({ query: EXPIRY_WINDOW, variables: () => ({ facilityId: props.facilityId }) });
  const [days, setDays] = createSignal('');
  const [invalid, setInvalid] = createSignal<string | null>(null);
  const [saved, setSaved] = createSignal<number | null>(null);
  const [state, save] = createMutation(SET_EXPIRY_WINDOW);
  createEffect(
    on(
      () => result.data?.expiryWindowDays,
      (current) => current !== undefined && setDays(String(current)),
    ),
  );
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setSaved(null);
    const n = /^\d+$/.test(days().trim()) ? Number(days()) : Number.NaN;
    setInvalid(n >= MIN_DAYS && n <= MAX_DAYS ? null : `Enter ${MIN_DAYS} to ${MAX_DAYS} days.`);
    if (invalid()) return;
    const answer = await save({ facilityId: props.facilityId, days: n });
    if (answer.data === undefined) return;
    setSaved(answer.data.setExpiryWindow);
    refetch({ requestPolicy: 'network-only' });
    props.onSaved();
  };
  return (
    <form onSubmit={submit} aria-label="Expiry window" class="row" novalidate>
      <Field label="Warn this many days before expiry" error={invalid() ?? describeError(state.error)?.fields.days}>
        {(c) => <input {...c} type="number" min={MIN_DAYS} max={MAX_DAYS} step="1" value={days()} onInput={(e) => setDays(e.currentTarget.value)} />}
      </Field>
      <button type="submit" disabled={state.fetching}>
        Save window
      </button>
      <ErrorNotice error={state.error} />
      <Status when={saved()}>Stock expiring within {saved()} days is now listed.</Status>
    </form>
  );
}
