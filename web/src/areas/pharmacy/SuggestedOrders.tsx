import { createMutation, createQuery } from '@urql/solid';
import { For, Show } from 'solid-js';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { CREATE_PO, PO_LISTS, SUGGESTED_POS, type SuggestedOrder } from './po-queries.ts';

/**
 * What is at or below its reorder level, less what is already on order, per preferred supplier; one
 * click drafts that supplier's order. Re-read after any change to a purchase order.
 */
export function SuggestedOrders(props: { facilityId: string; deliverToLocationId: string | undefined; onDrafted: (number: string) => void }) {
  const [result] = createQuery({ query: SUGGESTED_POS, variables: () => ({ facilityId: props.facilityId }), context: PO_LISTS });
  const [state, create] = createMutation(CREATE_PO);
  const draft = async (s: SuggestedOrder) => {
    if (!s.supplier || !props.deliverToLocationId) return;
    const answer = await create({
      input: {
        supplierId: s.supplier.id,
        deliverToLocationId: props.deliverToLocationId,
        lines: s.lines.map((l) => ({ itemId: l.item.id, quantity: l.suggestedQuantity })),
      },
    });
    if (answer.data) props.onDrafted(answer.data.createPurchaseOrder.number);
  };
  return (
    <section aria-labelledby="suggested-title">
      <h2 id="suggested-title">Suggested orders</h2>
      <ErrorNotice error={state.error} />
      <Loaded
        result={result}
        isEmpty={(d) => !d.suggestedPurchaseOrders.length}
        empty="Nothing needs ordering: all stock is above its reorder level or on order."
      >
        {(data) => (
          <ul class="cards">
            <For each={data().suggestedPurchaseOrders}>
              {(s) => (
                <li class="card" aria-label={`Suggested from ${s.supplier?.name ?? 'no preferred supplier'}`}>
                  <h3>{s.supplier?.name ?? 'No preferred supplier'}</h3>
                  <ScrollTable label={`Suggested from ${s.supplier?.name ?? 'no preferred supplier'}`}>
                    <table>
                      <thead>
                        <tr>
                          <th scope="col">Item</th>
                          <th scope="col">On hand</th>
                          <th scope="col">On order</th>
                          <th scope="col">Reorder at</th>
                          <th scope="col">Suggested</th>
                        </tr>
                      </thead>
                      <tbody>
                        <For each={s.lines}>
                          {(l) => (
                            <tr>
                              <th scope="row">{l.item.name}</th>
                              <td class="number">{l.onHand}</td>
                              <td class="number">{l.onOrder}</td>
                              <td class="number">{l.reorderLevel}</td>
                              <td class="number">
                                {l.suggestedQuantity} {l.item.unit}
                              </td>
                            </tr>
                          )}
                        </For>
                      </tbody>
                    </table>
                  </ScrollTable>
                  <Show when={s.supplier} fallback={<p class="muted">Set a preferred supplier on these items to order them here.</p>}>
                    <button type="button" onClick={() => draft(s)} disabled={state.fetching || !props.deliverToLocationId}>
                      Draft this order
                    </button>
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
