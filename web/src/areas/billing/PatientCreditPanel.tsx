import { createQuery } from '@urql/solid';
import { For, Show } from 'solid-js';
import { formatMoney } from '../../lib/format.ts';
import { Loaded } from '../../ui/Loaded.tsx';
import { CREDIT_CHANGES, PATIENT_CREDIT } from './account-queries.ts';
import { RefundForm } from './RefundForm.tsx';

/** A patient's unused credit per currency, and refunding it. */
export function PatientCreditPanel(props: { patientId: string }) {
  const [result] = createQuery({ query: PATIENT_CREDIT, variables: () => ({ patientId: props.patientId }), context: CREDIT_CHANGES });
  const credit = () => (result.data?.patientCredit ?? []).filter((c) => c.balanceMinor > 0);
  return (
    <section class="card" aria-label="Patient credit">
      <h2>Credit</h2>
      <Loaded result={result} isEmpty={() => !credit().length} empty="No unused credit.">
        {() => (
          <ul>
            <For each={credit()}>{(c) => <li>{formatMoney(c.balanceMinor, c.currency)} available</li>}</For>
          </ul>
        )}
      </Loaded>
      <Show when={credit().length}>
        <RefundForm patientId={props.patientId} credit={credit()} />
      </Show>
    </section>
  );
}
