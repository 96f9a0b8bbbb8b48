import { createQuery, createSubscription } from '@urql/solid';
import { For, Show } from 'solid-js';
import { FacilitySelect } from '../../features/FacilitySelect.tsx';
import { useFacilityChoice } from '../../features/facilities.ts';
import { formatDate } from '../../lib/format.ts';
import { graphql } from '../../lib/graphql.ts';
import { Loaded } from '../../ui/Loaded.tsx';
import { ExpiryWindowForm } from './ExpiryWindowForm.tsx';

export const ALERTS = graphql(`
  query StockAlerts($facilityId: ID!) {
    lowStock(facilityId: $facilityId) { onHand reorderLevel reorderQuantity lowSince item { id name unit } }
    expiringStock(facilityId: $facilityId) { quantity expiresOn expired daysLeft item { name unit } lot { lotNumber } location { name } }
  }
`);

/** A new low-stock or expiry alert: the lists are read again when one arrives. */
export const STOCK_ALERTS = graphql(`
  subscription StockAlertRaised($facilityId: ID!, $after: String) {
    stockAlerts(facilityId: $facilityId, after: $after) { cursor topic }
  }
`);

/** Items at or below their reorder level, and stock expiring soon or expired, read again as alerts arrive. */
export function Alerts() {
  const place = useFacilityChoice();
  const vars = () => ({ facilityId: place.facility()?.id ?? '' });
  const [result, refetch] = createQuery({ query: ALERTS, variables: vars, pause: () => !place.facility() });
  createSubscription({ query: STOCK_ALERTS, variables: vars, pause: () => !place.facility() }, (_previous, data) => {
    refetch({ requestPolicy: 'network-only' });
    return data;
  });
  return (
    <section class="page" aria-labelledby="alerts-title">
      <h1 id="alerts-title">Stock alerts</h1>
      <FacilitySelect facilities={place.facilities()} value={place.facility()?.id} onChange={place.choose} />
      <Show when={place.facility()} keyed>
        {(f) => <ExpiryWindowForm facilityId={f.id} onSaved={() => refetch({ requestPolicy: 'network-only' })} />}
      </Show>
      <Loaded result={result}>
        {(data) => (
          <>
            <h2>Low stock</h2>
            <ul class="cards">
              <For each={data().lowStock} fallback={<li class="empty">Nothing is below its reorder level.</li>}>
                {(l) => (
                  <li class="card alert">
                    <strong>{l.item.name}</strong>: {l.onHand} {l.item.unit} on hand, reorder at {l.reorderLevel} (order {l.reorderQuantity})
                  </li>
                )}
              </For>
            </ul>
            <h2>Expiring</h2>
            <ul class="cards">
              <For each={data().expiringStock} fallback={<li class="empty">Nothing expires soon.</li>}>
                {(e) => (
                  <li class="card" classList={{ alert: e.expired }}>
                    <strong>{e.item.name}</strong> lot {e.lot.lotNumber} at {e.location.name}: {e.quantity} {e.item.unit},{' '}
                    {e.expired ? `expired ${formatDate(e.expiresOn)}` : `expires ${formatDate(e.expiresOn)} (${e.daysLeft} days)`}
                  </li>
                )}
              </For>
            </ul>
          </>
        )}
      </Loaded>
    </section>
  );
}
