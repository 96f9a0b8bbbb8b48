import { createQuery } from '@urql/solid';
import { For } from 'solid-js';
import { formatDate } from '../../lib/format.ts';
import { graphql } from '../../lib/graphql.ts';
import { nameOr } from '../../lib/unavailable.ts';
import { Loaded } from '../../ui/Loaded.tsx';
import { PriceChargeForm } from './PriceChargeForm.tsx';

export const PENDING_CHARGES = graphql(`
  query PendingCharges {
    charges(status: PENDING, first: 100) { nodes { id code description quantity currency serviceDate unpriced patient { displayName } } }
  }
`);

/** Charges the price list had no price for; each must be priced before it can be invoiced. */
export function UnpricedCharges() {
  const [result, refetch] = createQuery({ query: PENDING_CHARGES });
  const unpriced = () => (result.data?.charges?.nodes ?? []).filter((c) => c.unpriced);
  return (
    <section class="page" aria-labelledby="unpriced-title">
      <h1 id="unpriced-title">Unpriced charges</h1>
      <Loaded result={result} isEmpty={() => !unpriced().length} empty="Every pending charge has a price.">
        {() => (
          <ul class="cards">
            <For each={unpriced()}>
              {(c) => (
                <li class="card" data-charge={c.id}>
                  <h2>
                    {c.description} <small>{c.code}</small>
                  </h2>
                  <p>
                    {nameOr(c.patient, 'Patient')} · {c.quantity} × · {formatDate(c.serviceDate)}
                  </p>
                  <PriceChargeForm charge={c} onDone={() => refetch({ requestPolicy: 'network-only' })} />
                </li>
              )}
            </For>
          </ul>
        )}
      </Loaded>
    </section>
  );
}
