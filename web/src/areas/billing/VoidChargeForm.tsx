import { createMutation } from '@urql/solid';
import { createSignal, Show } from 'solid-js';
import { describeError } from '../../lib/errors.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { VOID_CHARGE } from './account-queries.ts';

/** Voids a pending charge (entered by mistake, waived), with the reason. */
export function VoidChargeForm(props: { chargeId: string; label: string }) {
  const [open, setOpen] = createSignal(false);
  const [reason, setReason] = createSignal('');
  const [invalid, setInvalid] = createSignal<string | null>(null);
  const [state, voidIt] = createMutation(VOID_CHARGE);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const text = reason().trim();
    setInvalid(text.length >= 3 ? null : 'Say why this charge is voided.');
    if (text.length < 3) return;
    await voidIt({ id: props.chargeId, reason: text });
  };
  return (
    <Show
      when={open()}
      fallback={
        <button type="button" class="secondary" onClick={() => setOpen(true)}>
          Void…
        </button>
      }
    >
      <form onSubmit={submit} aria-label={`Void ${props.label}`} class="row" novalidate>
        <Field label="Reason for voiding" error={invalid() ?? describeError(state.error)?.fields.reason}>
          {(c) => <input {...c} value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />}
        </Field>
        <button type="submit" class="danger" disabled={state.fetching}>
          Void charge
        </button>
        <button type="button" class="secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
        <ErrorNotice error={invalid() ? null : state.error} />
      </form>
    </Show>
  );
}
