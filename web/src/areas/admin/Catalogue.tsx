import { createQuery } from '@urql/solid';
import { createSignal, For, Show } from 'solid-js';
import { readFragment } from '../../lib/graphql.ts';
import { ITEM_KIND } from '../../lib/labels/supply.ts';
import { listsOf } from '../../lib/lists.ts';
import { Field } from '../../ui/Field.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { CATALOGUE, ITEM_FIELDS, ITEM_KINDS, type ItemKind } from './catalogue-queries.ts';
import { ItemForm } from './ItemForm.tsx';

/** The catalogue of medicines, consumables, equipment and reagents, with reorder levels; edit an item or add one. */
export function Catalogue() {
  const [search, setSearch] = createSignal('');
  const [kind, setKind] = createSignal<ItemKind | ''>('');
  const [result] = createQuery({
    query: CATALOGUE,
    variables: () => ({ search: search().trim() || null, kind: kind() || null }),
    context: listsOf('Item', 'Supplier'),
  });
  const [editing, setEditing] = createSignal<string | null>(null);
  const items = () => readFragment(ITEM_FIELDS, result.data?.items ?? []);
  const suppliers = () => (result.data?.suppliers ?? []).filter((s) => s.active);
  return (
    <section class="page wide" aria-labelledby="catalogue-title">
      <h1 id="catalogue-title">Catalogue and reorder levels</h1>
      <div class="toolbar">
        <Field label="Search">{(c) => <input {...c} type="search" value={search()} onInput={(e) => setSearch(e.currentTarget.value)} />}</Field>
        <Field label="Kind">
          {(c) => (
            <select {...c} value={kind()} onChange={(e) => setKind(e.currentTarget.value as ItemKind | '')}>
              <option value="">Any</option>
              <For each={ITEM_KINDS}>
                {(k) => (
                  <option value={k} selected={k === kind()}>
                    {ITEM_KIND[k]}
                  </option>
                )}
              </For>
            </select>
          )}
        </Field>
      </div>
      <Loaded result={result} isEmpty={(d) => !d.items.length} empty="No items match.">
        {() => (
          <ScrollTable label="Catalogue items">
            <table>
              <thead>
                <tr>
                  <th scope="col">Item</th>
                  <th scope="col">SKU</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Unit</th>
                  <th scope="col">Reorder at</th>
                  <th scope="col">Reorder qty</th>
                  <th scope="col">Supplier</th>
                  <th scope="col">Change</th>
                </tr>
              </thead>
              <tbody>
                <For each={items()}>
                  {(i) => (
                    <tr>
                      <th scope="row">
                        {i.name}
                        {i.active ? '' : ' (not in use)'}
                        <br />
                        <small>{[i.genericName, i.form, i.strength].filter(Boolean).join(' · ')}</small>
                      </th>
                      <td>{i.sku}</td>
                      <td>{ITEM_KIND[i.kind]}</td>
                      <td>{i.unit}</td>
                      <td class="number">{i.reorderLevel}</td>
                      <td class="number">{i.reorderQuantity}</td>
                      <td>{i.preferredSupplier?.name ?? '—'}</td>
                      <td>
                        <button type="button" class="secondary" aria-label={`Edit ${i.name}`} onClick={() => setEditing(i.id)}>
                          Edit
                        </button>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </ScrollTable>
        )}
      </Loaded>
      <Show when={items().find((i) => i.id === editing())} keyed>
        {(item) => <ItemForm item={item} suppliers={suppliers()} onSaved={() => setEditing(null)} onCancel={() => setEditing(null)} />}
      </Show>
      <ItemForm suppliers={suppliers()} />
    </section>
  );
}
