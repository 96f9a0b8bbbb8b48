import { A } from '@solidjs/router';
import { createMutation, createQuery, createSubscription } from '@urql/solid';
import { createSignal, For, Show } from 'solid-js';
import { useApp } from '../../lib/app-context.ts';
import { readFragment } from '../../lib/graphql.ts';
import { RESULT_FLAG } from '../../lib/labels/clinical.ts';
import { createLiveList } from '../../lib/live-list.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import {
  ACKNOWLEDGE_CRITICAL_RESULT,
  byRaised,
  CRITICAL_LAB_RESULTS,
  CRITICAL_RESULT_FIELDS,
  type CriticalResult,
  UNACKNOWLEDGED_CRITICAL_RESULTS,
} from './critical-results.ts';

/**
 * The signed-in doctor's critical lab results that nobody has acknowledged: loaded once (so a reload
 * shows them again), then kept current by the live feed as the lab verifies new ones. Each stays
 * until the doctor acknowledges it, which is recorded.
 */
export function CriticalAlerts() {
  const { session } = useApp();
  const isOrderingDoctor = () => {
    const account = session.account();
    return !!account?.providerId && account.roles.includes('DOCTOR');
  };
  const [result] = createQuery({ query: UNACKNOWLEDGED_CRITICAL_RESULTS, pause: () => !isOrderingDoctor() });
  const list = createLiveList<CriticalResult>(
    () => (result.data?.unacknowledgedCriticalResults ? readFragment(CRITICAL_RESULT_FIELDS, result.data.unacknowledgedCriticalResults) : undefined),
    (r) => !r.acknowledgedAt,
    byRaised,
  );
  createSubscription({ query: CRITICAL_LAB_RESULTS, pause: () => !isOrderingDoctor() }, (_previous, data) => {
    list.apply(readFragment(CRITICAL_RESULT_FIELDS, data.criticalLabResults.result));
    return data;
  });
  const [acknowledging, acknowledge] = createMutation(ACKNOWLEDGE_CRITICAL_RESULT);
  const [failed, setFailed] = createSignal<string | null>(null);
  const onAcknowledge = async (id: string) => {
    setFailed(null);
    const answer = await acknowledge({ resultId: id });
    if (answer.data) list.apply(readFragment(CRITICAL_RESULT_FIELDS, answer.data.acknowledgeCriticalResult));
    else setFailed(id);
  };
  return (
    <Show when={isOrderingDoctor()}>
      <ErrorNotice error={result.error} />
      <Show when={list.items().length}>
        <section class="notice critical" aria-labelledby="critical-results-title">
          <h2 id="critical-results-title">Critical results to acknowledge</h2>
          <For each={list.items()}>
            {(r) => (
              <div role="alert" class="critical-result" data-critical-result={r.id}>
                <strong>
                  {r.testName} {r.value ?? ''}
                  {r.unit ? ` ${r.unit}` : ''}
                </strong>{' '}
                ({RESULT_FLAG[r.flag]}) for <A href={`/doctor/patients/${r.patient.id}`}>{r.patient.displayName}</A>
                <button
                  type="button"
                  onClick={() => onAcknowledge(r.id)}
                  disabled={acknowledging.fetching}
                  aria-label={`Acknowledge ${r.testName} for ${r.patient.displayName}`}
                >
                  Acknowledge
                </button>
                <Show when={failed() === r.id}>
                  <ErrorNotice error={acknowledging.error} />
                </Show>
              </div>
            )}
          </For>
        </section>
      </Show>
    </Show>
  );
}
