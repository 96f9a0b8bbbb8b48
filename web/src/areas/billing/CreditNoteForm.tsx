import { createMutation } from '@urql/solid';
import { createSignal } from 'solid-js';
import { check } from '../../lib/validate.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { Status } from '../../ui/Status.tsx';
import { CREDIT_NOTE, type InvoiceDetailInfo } from './invoice-queries.ts';

/** Credits what is left of every line; the invoice itself never changes. */
export function CreditNoteForm(props: { invoice: InvoiceDetailInfo }) {
  const [reason, setReason] = createSignal('');
  const [invalid, setInvalid] = createSignal<string | null>(null);
  const [state, credit] = createMutation(CREDIT_NOTE);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setInvalid(check.required(reason(), 'Say why the invoice is corrected.'));
    if (invalid()) return;
    await credit({ input: { invoiceId: props.invoice.id, reason: reason().trim() } });
  };
  return (
    <form onSubmit={submit} aria-label="Credit note" class="card" novalidate>
      <h2>Credit note</h2>
      <Field label="Reason" error={invalid()}>
        {(c) => <input {...c} value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />}
      </Field>
      <ErrorNotice error={state.error} />
      <button type="submit" class="danger" disabled={state.fetching}>
        Credit the remaining amount
      </button>
      <Status when={state.data}>Credit note {state.data?.createCreditNote.number} created.</Status>
    </form>
  );
}
