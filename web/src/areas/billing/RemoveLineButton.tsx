import { createMutation } from '@urql/solid';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { REMOVE_LINE } from './line-queries.ts';

/** Takes a line off a draft invoice; its charge goes back to pending, to be invoiced later or voided. */
export function RemoveLineButton(props: { lineId: string; label: string }) {
  const [state, remove] = createMutation(REMOVE_LINE);
  return (
    <>
      <button type="button" class="secondary" aria-label={`Remove ${props.label}`} disabled={state.fetching} onClick={() => remove({ lineId: props.lineId })}>
        Remove
      </button>
      <ErrorNotice error={state.error} />
    </>
  );
}
