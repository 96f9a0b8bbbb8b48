import { A } from '@solidjs/router';
import { createQuery, createSubscription } from '@urql/solid';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { FacilitySelect } from '../../features/FacilitySelect.tsx';
import { useFacilityChoice } from '../../features/facilities.ts';
import { graphql, type ResultOf } from '../../lib/graphql.ts';
import type { Present } from '../../lib/unavailable.ts';
import { Loaded } from '../../ui/Loaded.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';

export const STOCK_BALANCES = graphql(`
  query StockBalances($facilityId: ID!) {
    stockBalances(filter: { facilityId: $facilityId }) {
      quantity
      item { id name unit reorderLevel }
      location { id name }
    }
  }
`);

/** stock.changed carries the units of an item now at a location. */
export const STOCK_CHANGED = graphql(`
  subscription StockChanged($facilityId: ID!, $after: String) {
    stockChanged(facilityId: $facilityId, after: $after) {
      cursor
      topic
      quantity
      delta
      item { id name unit reorderLevel }
      location { id name }
    }
  }
`);

type Balance = Present<ResultOf<typeof STOCK_BALANCES>>['stockBalances'][number];

/** Units per item and location at a facility, kept current by live stock events. */
export function StockLevels() {
  const place = useFacilityChoice();
  const vars = () => ({ facilityId: place.facility()?.id ?? '' });
  const [result] = createQuery({ query: STOCK_BALANCES, variables: vars, pause: () => !place.facility() });
  const [live, setLive] = createSignal<ReadonlyMap<string, Balance>>(new Map());
  const [changed, setChanged] = createSignal<string | null>(null);
  const [subscription] = createSubscription({ query: STOCK_CHANGED, variables: vars, pause: () => !place.facility() }, (_p, data) => {
    const e = data.stockChanged;
    if (e.topic === 'stock.changed' && e.item && e.location && e.quantity !== null) {
      const balance: Balance = { quantity: e.quantity, item: e.item, location: e.location };
      const key = `${balance.item.id}@${balance.location.id}`;
      setLive((m) => new Map(m).set(key, balance));
      setChanged(key);
    }
    return data;
  });
  const rows = createMemo(() => {
    const cells = new Map<string, Balance>();
    for (const b of result.data?.stockBalances ?? []) {
      const key = `${b.item.id}@${b.location.id}`;
      const prior = cells.get(key);
      cells.set(key, { ...b, quantity: (prior?.quantity ?? 0) + b.quantity });
    }
    for (const [key, b] of live()) cells.set(key, b);
    return [...cells.entries()]
      .map(([key, b]) => ({ key, ...b }))
      .sort((a, b) => a.item.name.localeCompare(b.item.name) || a.location.name.localeCompare(b.location.name));
  });
  const totals = createMemo(() => {
    const sums = new Map<string, number>();
    for (const r of rows()) sums.set(r.item.id, (sums.get(r.item.id) ?? 0) + r.quantity);
    return sums;
  });
  return (
    <section class="page" aria-labelledby="stock-title">
      <h1 id="stock-title">Stock levels</h1>
      <FacilitySelect facilities={place.facilities()} value={place.facility()?.id} onChange={place.choose} />
      <Show when={subscription.error}>
        <p class="notice" role="status">
          Live stock updates are not available right now; the levels below are as loaded.
        </p>
      </Show>
      <Loaded result={result} isEmpty={() => !rows().length} empty="No stock at this facility.">
        {() => (
          <ScrollTable label="Stock by item and location">
            <table aria-label="Stock by item and location">
              <thead>
                <tr>
                  <th scope="col">Item</th>
                  <th scope="col">Location</th>
                  <th scope="col">Units</th>
                  <th scope="col">Facility total</th>
                  <th scope="col">History</th>
                </tr>
              </thead>
              <tbody>
                <For each={rows()}>
                  {(r) => (
                    <tr data-stock={r.key} classList={{ low: (totals().get(r.item.id) ?? 0) <= r.item.reorderLevel, changed: changed() === r.key }}>
                      <th scope="row">{r.item.name}</th>
                      <td>{r.location.name}</td>
                      <td class="number" data-quantity>
                        {r.quantity} {r.item.unit}
                      </td>
                      <td class="number">
                        {totals().get(r.item.id)}
                        {(totals().get(r.item.id) ?? 0) <= r.item.reorderLevel ? ' (low)' : ''}
                      </td>
                      <td>
                        <A href={`/pharmacy/ledger?item=${r.item.id}&location=${r.location.id}`} aria-label={`Ledger of ${r.item.name} at ${r.location.name}`}>
                          Ledger
                        </A>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </ScrollTable>
        )}
      </Loaded>
    </section>
  );
}
