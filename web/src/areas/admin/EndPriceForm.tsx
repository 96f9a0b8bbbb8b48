import { createMutation } from '@urql/solid';
import { createSignal, Show } from 'solid-js';
import { describeError } from '../../lib/errors.ts';
import { graphql } from '../../lib/graphql.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';

export const END_PRICE = graphql(`
  mutation EndPriceListEntry($id: ID!, $effectiveTo: Date!) {
    endPriceListEntry(id: $id, effectiveTo: $effectiveTo) { id effectiveTo }
  }
`);

/** Ends a price from a date (a local date of the facility): charges on or after it no longer use it. */
export function EndPriceForm(props: { entryId: string; label: string; effectiveFrom: string; today: string }) {
  const [open, setOpen] = createSignal(false);
  const [date, setDate] = createSignal(props.today);
  const [invalid, setInvalid] = createSignal<string | null>(null);
  const [state, end] = createMutation(END_PRICE);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const ok = /^\d{4}-\d{2}-\d{2}$/.test(date()) && date() > props.effectiveFrom;
    setInvalid(ok ? null : 'Choose a day after the price started.');
    if (!ok) return;
    const r = await end({ id: props.entryId, effectiveTo: date() });
    if (r.data) setOpen(false);
  };
  return (
    <Show
      when={open()}
      fallback={
        <button type="button" class="secondary" aria-label={`End price ${props.label}`} onClick={() => setOpen(true)}>
          End…
        </button>
      }
    >
      <form onSubmit={submit} aria-label={`End price ${props.label}`} class="row" novalidate>
        <Field label="No longer charged from" error={invalid() ?? describeError(state.error)?.fields.effectiveTo}>
          {(c) => <input {...c} type="date" value={date()} onInput={(e) => setDate(e.currentTarget.value)} />}
        </Field>
        <button type="submit" disabled={state.fetching}>
          End price
        </button>
        <button type="button" class="secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
        <ErrorNotice error={invalid() ? null : state.error} />
      </form>
    </Show>
  );
}
