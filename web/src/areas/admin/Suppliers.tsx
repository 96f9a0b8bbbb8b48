import { createQuery } from '@urql/solid';
import { For } from 'solid-js';
import { listsOf } from '../../lib/lists.ts';
import { Loaded } from '../../ui/Loaded.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { SUPPLIERS } from './catalogue-queries.ts';
import { SupplierForm } from './SupplierForm.tsx';

/** The suppliers purchase orders go to, with their contacts and lead times; and a new one. */
export function Suppliers() {
  const [result] = createQuery({ query: SUPPLIERS, context: listsOf('Supplier') });
  return (
    <section class="page wide" aria-labelledby="suppliers-title">
      <h1 id="suppliers-title">Suppliers</h1>
      <Loaded result={result} isEmpty={(d) => !d.suppliers.length} empty="No suppliers yet.">
        {(data) => (
          <ScrollTable label="Suppliers">
            <table>
              <thead>
                <tr>
                  <th scope="col">Supplier</th>
                  <th scope="col">Code</th>
                  <th scope="col">Contact</th>
                  <th scope="col">Lead time</th>
                </tr>
              </thead>
              <tbody>
                <For each={data().suppliers}>
                  {(s) => (
                    <tr>
                      <th scope="row">
                        {s.name}
                        {s.active ? '' : ' (inactive)'}
                      </th>
                      <td>{s.code}</td>
                      <td>{[s.email, s.phone].filter(Boolean).join(' · ') || '—'}</td>
                      <td class="number">{s.leadTimeDays === 1 ? '1 day' : `${s.leadTimeDays} days`}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </ScrollTable>
        )}
      </Loaded>
      <SupplierForm />
    </section>
  );
}
