import { createMutation } from '@urql/solid';
import { createSignal, For } from 'solid-js';
import { formatMoney } from '../../lib/format.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { Status } from '../../ui/Status.tsx';
import { CREATE_CLAIM } from './claim-queries.ts';
import type { PolicyInfo } from './insurance-queries.ts';
import type { InvoiceDetailInfo } from './invoice-queries.ts';

/** A draft claim to one of the patient's policies, for the lines ticked (none ticked: every unclaimed line). */
export function CreateClaimForm(props: { invoice: InvoiceDetailInfo; policies: readonly PolicyInfo[] }) {
  const [policyId, setPolicyId] = createSignal(props.policies[0]?.id ?? '');
  const [lines, setLines] = createSignal<string[]>([]);
  const [state, create] = createMutation(CREATE_CLAIM);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    await create({ invoiceId: props.invoice.id, policyId: policyId(), ...(lines().length ? { invoiceLineIds: lines() } : {}) });
  };
  return (
    <form onSubmit={submit} aria-label="Create claim" novalidate>
      <h3>Claim from insurance</h3>
      <Field label="Policy">
        {(c) => (
          <select {...c} value={policyId()} onChange={(e) => setPolicyId(e.currentTarget.value)}>
            <For each={props.policies}>{(p) => <option value={p.id}>{`${p.payer} · ${p.memberId}`}</option>}</For>
          </select>
        )}
      </Field>
      <fieldset>
        <legend>Lines to claim (none ticked: all unclaimed lines)</legend>
        <For each={props.invoice.lines}>
          {(line) => (
            <label class="check">
              <input
                type="checkbox"
                checked={lines().includes(line.id)}
                onChange={(e) => setLines((l) => (e.currentTarget.checked ? [...l, line.id] : l.filter((id) => id !== line.id)))}
              />{' '}
              {line.description} · {formatMoney(line.totalMinor, props.invoice.currency)}
            </label>
          )}
        </For>
      </fieldset>
      <ErrorNotice error={state.error} />
      <button type="submit" disabled={state.fetching || !policyId()}>
        Create claim
      </button>
      <Status when={state.data}>
        Draft claim {state.data?.createClaim.number} for {formatMoney(state.data?.createClaim.claimedMinor ?? 0, props.invoice.currency)}. Submit it from
        Claims.
      </Status>
    </form>
  );
}
