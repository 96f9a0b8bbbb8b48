import { createMutation } from '@urql/solid';
import { createSignal, For, Show } from 'solid-js';
import { formatMoney, parseMoney } from '../../lib/format.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { ADJUDICATE_CLAIM, type ClaimInfo } from './claim-queries.ts';

type Decision = 'APPROVE' | 'PARTIAL' | 'DENY';

/** Records the payer's answer to a submitted claim: approve in full, approve part of each line, or deny, with a reason. */
export function ClaimDecision(props: { claim: ClaimInfo; onDone: () => void }) {
  const [decision, setDecision] = createSignal<Decision>('APPROVE');
  const [reason, setReason] = createSignal('');
  const [amounts, setAmounts] = createSignal<Record<string, string>>({});
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [state, adjudicate] = createMutation(ADJUDICATE_CLAIM);
  const describe = (invoiceLineId: string) => props.claim.invoice.lines.find((l) => l.id === invoiceLineId)?.description ?? 'Line';
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const lines: { claimLineId: string; approvedMinor: number }[] = [];
    if (decision() === 'PARTIAL') {
      for (const line of props.claim.lines) {
        const minor = parseMoney(amounts()[line.id] ?? '', props.claim.currency);
        if (minor === null || minor < 0 || minor > line.claimedMinor) found[line.id] = `Enter 0 to ${formatMoney(line.claimedMinor, props.claim.currency)}.`;
        else lines.push({ claimLineId: line.id, approvedMinor: minor });
      }
    }
    if (decision() === 'DENY') for (const line of props.claim.lines) lines.push({ claimLineId: line.id, approvedMinor: 0 });
    if (decision() !== 'APPROVE' && !reason().trim()) found.reason = 'Give the payer’s reason for paying less.';
    setErrors(found);
    if (Object.keys(found).length) return;
    const result = await adjudicate({
      input: { claimId: props.claim.id, ...(lines.length ? { lines } : {}), ...(decision() !== 'APPROVE' ? { denialReason: reason().trim() } : {}) },
    });
    if (result.data) props.onDone();
  };
  return (
    <form onSubmit={submit} aria-label={`Payer decision on ${props.claim.number}`} novalidate>
      <Field label="Payer decision">
        {(c) => (
          <select {...c} value={decision()} onChange={(e) => setDecision(e.currentTarget.value as Decision)}>
            <option value="APPROVE">Approved in full</option>
            <option value="PARTIAL">Partially approved</option>
            <option value="DENY">Denied</option>
          </select>
        )}
      </Field>
      <Show when={decision() === 'PARTIAL'}>
        <For each={props.claim.lines}>
          {(line) => (
            <Field
              label={`Approved for ${describe(line.invoiceLineId)} (${props.claim.currency})`}
              hint={`Claimed ${formatMoney(line.claimedMinor, props.claim.currency)}`}
              error={errors()[line.id]}
            >
              {(c) => (
                <input
                  {...c}
                  inputmode="decimal"
                  value={amounts()[line.id] ?? ''}
                  onInput={(e) => setAmounts((a) => ({ ...a, [line.id]: e.currentTarget.value }))}
                />
              )}
            </Field>
          )}
        </For>
      </Show>
      <Show when={decision() !== 'APPROVE'}>
        <Field label="Reason" error={errors().reason}>
          {(c) => <input {...c} value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />}
        </Field>
      </Show>
      <ErrorNotice error={state.error} />
      <button type="submit" disabled={state.fetching}>
        Record decision
      </button>
    </form>
  );
}
