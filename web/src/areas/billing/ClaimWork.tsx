import { For, Show } from 'solid-js';
import { formatMoney } from '../../lib/format.ts';
import { CLAIM_STATUS } from '../../lib/labels/finance.ts';
import { nameOr } from '../../lib/unavailable.ts';
import { ClaimDecision } from './ClaimDecision.tsx';
import { ClaimPaymentForm } from './ClaimPaymentForm.tsx';
import type { ClaimInfo } from './claim-queries.ts';

const PAYABLE = ['APPROVED', 'PARTIALLY_APPROVED'];

/** Claims waiting on the payer: record the decision on submitted ones, the payment on approved ones. */
export function ClaimWork(props: { claims: readonly ClaimInfo[]; onDone: () => void }) {
  const waiting = () => props.claims.filter((c) => c.status === 'SUBMITTED' || (PAYABLE.includes(c.status) && (c.approvedMinor ?? 0) > c.paidMinor));
  return (
    <Show when={waiting().length}>
      <h2>Waiting on the payer</h2>
      <div class="grid">
        <For each={waiting()}>
          {(claim) => (
            <div class="card" data-claim={claim.id}>
              <h3>
                {claim.number} · {claim.payer} · {CLAIM_STATUS[claim.status]}
              </h3>
              <p>
                {nameOr(claim.patient, 'Patient')} · claimed {formatMoney(claim.claimedMinor, claim.currency)}
                {claim.approvedMinor !== null ? ` · approved ${formatMoney(claim.approvedMinor, claim.currency)}` : ''}
              </p>
              <Show when={claim.status === 'SUBMITTED'} fallback={<ClaimPaymentForm claim={claim} onDone={props.onDone} />}>
                <ClaimDecision claim={claim} onDone={props.onDone} />
              </Show>
            </div>
          )}
        </For>
      </div>
    </Show>
  );
}
