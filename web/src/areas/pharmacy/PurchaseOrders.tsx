import { createMutation, createQuery } from '@urql/solid';
import { createSignal, For, Show } from 'solid-js';
import { useFacilityChoice } from '../../features/facilities.ts';
import { formatZonedDateTime } from '../../lib/format.ts';
import { readFragment } from '../../lib/graphql.ts';
import { PURCHASE_ORDER_STATUS } from '../../lib/labels/supply.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { Status } from '../../ui/Status.tsx';
import { CreateOrderForm } from './CreateOrderForm.tsx';
import { useLocations } from './locations.ts';
import { CANCEL_PO, DRAFT_SUGGESTED, PO_FIELDS, PO_LISTS, PURCHASE_ORDERS, SUBMIT_PO } from './po-queries.ts';
import { ReceiveForm } from './ReceiveForm.tsx';
import { SuggestedOrders } from './SuggestedOrders.tsx';

/** Purchase orders: see what to order, draft orders (suggested or by hand), send them, receive the goods. */
export function PurchaseOrders() {
  const place = useFacilityChoice();
  const locations = useLocations(() => place.facility()?.id);
  const [result, refetch] = createQuery({
    query: PURCHASE_ORDERS,
    variables: () => ({ facilityId: place.facility()?.id ?? '' }),
    pause: () => !place.facility(),
    context: PO_LISTS,
  });
  const [created, setCreated] = createSignal<string | null>(null);
  const [receiving, setReceiving] = createSignal<string | null>(null);
  const [submitted, submit] = createMutation(SUBMIT_PO);
  const [cancelled, cancel] = createMutation(CANCEL_PO);
  const [drafted, draft] = createMutation(DRAFT_SUGGESTED);
  const store = () => locations().find((l) => l.kind === 'STORE') ?? locations().find((l) => l.kind === 'PHARMACY');
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <section class="page" aria-labelledby="po-title">
      <h1 id="po-title">Purchase orders</h1>
      <button
        type="button"
        onClick={() => draft({ facilityId: place.facility()!.id, deliverToLocationId: store()!.id }).then(reload)}
        disabled={!store() || drafted.fetching}
      >
        Draft orders for low stock
      </button>
      <Show when={drafted.data}>
        <p role="status">{drafted.data!.draftSuggestedPurchaseOrders.length} draft order(s) created.</p>
      </Show>
      <ErrorNotice error={drafted.error ?? submitted.error ?? cancelled.error} />
      <Status when={created()}>Draft order {created()} created.</Status>
      <Show when={place.facility()} keyed>
        {(f) => <SuggestedOrders facilityId={f.id} deliverToLocationId={store()?.id} onDrafted={setCreated} />}
      </Show>
      <details>
        <summary>New order by hand</summary>
        <CreateOrderForm locations={locations()} onDone={setCreated} />
      </details>
      <h2>Orders</h2>
      <Loaded result={result} isEmpty={(d) => !d.purchaseOrders.length} empty="No purchase orders.">
        {(data) => (
          <ul class="cards">
            <For each={readFragment(PO_FIELDS, data().purchaseOrders)}>
              {(po) => (
                <li class="card">
                  <h2>
                    {po.number} · {po.supplier.name} · {PURCHASE_ORDER_STATUS[po.status]}
                  </h2>
                  <p class="muted">
                    To {po.deliverTo.name}, created {formatZonedDateTime(po.createdAt, place.facility()?.timezone)}
                  </p>
                  <ul>
                    <For each={po.lines}>
                      {(l) => (
                        <li>
                          {l.item.name}: {l.quantityReceived} of {l.quantityOrdered} {l.item.unit} received
                        </li>
                      )}
                    </For>
                  </ul>
                  <div class="actions">
                    <Show when={po.status === 'DRAFT'}>
                      <button type="button" onClick={() => submit({ id: po.id })}>
                        Send order
                      </button>
                    </Show>
                    <Show when={po.status === 'ORDERED' || po.status === 'PARTIALLY_RECEIVED'}>
                      <button type="button" onClick={() => setReceiving(receiving() === po.id ? null : po.id)} aria-expanded={receiving() === po.id}>
                        Receive goods
                      </button>
                    </Show>
                    <Show when={po.status === 'DRAFT' || po.status === 'ORDERED'}>
                      <button type="button" class="secondary" onClick={() => cancel({ id: po.id })}>
                        Cancel order
                      </button>
                    </Show>
                  </div>
                  <Show when={receiving() === po.id}>
                    <ReceiveForm
                      order={po}
                      onDone={() => {
                        setReceiving(null);
                        reload();
                      }}
                    />
                  </Show>
                </li>
              )}
            </For>
          </ul>
        )}
      </Loaded>
    </section>
  );
}
