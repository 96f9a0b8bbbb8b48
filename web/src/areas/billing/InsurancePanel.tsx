import { createQuery } from '@urql/solid';
import { For, Show } from 'solid-js';
import { formatMoney } from '../../lib/format.ts';
import { readFragment } from '../../lib/graphql.ts';
import { UNAVAILABLE } from '../../lib/unavailable.ts';
import { Loaded } from '../../ui/Loaded.tsx';
import { CreateClaimForm } from './CreateClaimForm.tsx';
import { DeactivatePolicyButton } from './DeactivatePolicyButton.tsx';
import { POLICIES, POLICY_FIELDS, type PolicyInfo } from './insurance-queries.ts';
import type { InvoiceDetailInfo } from './invoice-queries.ts';
import { PolicyForm } from './PolicyForm.tsx';

const coverOf = (p: PolicyInfo) =>
  p.coverageBasisPoints !== null ? `covers ${p.coverageBasisPoints / 100}%` : `copay ${formatMoney(p.copayMinor ?? 0, p.currency)}`;

/** The patient's insurance policies, adding one, and claiming this invoice's lines from an active one. */
export function InsurancePanel(props: { invoice: InvoiceDetailInfo }) {
  const [result, refetch] = createQuery({
    query: POLICIES,
    variables: () => ({ patientId: props.invoice.patient?.id ?? '' }),
    pause: () => !props.invoice.patient,
  });
  const policies = () => readFragment(POLICY_FIELDS, result.data?.insurancePolicies ?? []);
  const usable = () => policies().filter((p) => p.active && p.currency === props.invoice.currency);
  return (
    <section class="card" aria-label="Insurance">
      <h2>Insurance</h2>
      <Loaded result={result} isEmpty={(d) => !d.insurancePolicies.length} empty="No insurance on file.">
        {() => (
          <ul>
            <For each={policies()}>
              {(p) => (
                <li>
                  {p.payer} · member {p.memberId} · {coverOf(p)} · from {p.validFrom}
                  {p.validTo ? ` to ${p.validTo}` : ''}
                  {p.active ? ' ' : ' · inactive'}
                  <Show when={p.active}>
                    <DeactivatePolicyButton policyId={p.id} payer={p.payer} />
                  </Show>
                </li>
              )}
            </For>
          </ul>
        )}
      </Loaded>
      <Show when={usable().length}>
        <CreateClaimForm invoice={props.invoice} policies={usable()} />
      </Show>
      <Show when={props.invoice.patient} fallback={<p class="muted">The patient's details are {UNAVAILABLE}; try again shortly.</p>}>
        {(patient) => <PolicyForm patientId={patient().id} currency={props.invoice.currency} onSaved={() => refetch({ requestPolicy: 'network-only' })} />}
      </Show>
    </section>
  );
}
