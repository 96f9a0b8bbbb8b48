import { createQuery } from '@urql/solid';
import { createSignal, For, Show } from 'solid-js';
import { formatMoney } from '../../lib/format.ts';
import { readFragment } from '../../lib/graphql.ts';
import { listsOf } from '../../lib/lists.ts';
import { Loaded } from '../../ui/Loaded.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { ProviderForm } from './ProviderForm.tsx';
import { ADMIN_PROVIDERS, PROVIDER_FIELDS } from './provider-queries.ts';

/** Doctors and other providers: who they are, what they charge, where they work; edit one, or add one. */
export function Providers() {
  const [result] = createQuery({ query: ADMIN_PROVIDERS, context: listsOf('Provider') });
  const [editing, setEditing] = createSignal<string | null>(null);
  const providers = () => readFragment(PROVIDER_FIELDS, result.data?.providers ?? []);
  const chosen = () => providers().find((p) => p.id === editing());
  return (
    <section class="page wide" aria-labelledby="providers-title">
      <h1 id="providers-title">Providers</h1>
      <Loaded result={result} isEmpty={(d) => !d.providers.length} empty="No providers yet.">
        {() => (
          <ScrollTable label="Providers">
            <table>
              <thead>
                <tr>
                  <th scope="col">Provider</th>
                  <th scope="col">Specialty</th>
                  <th scope="col">Works at</th>
                  <th scope="col">Consultation fee</th>
                  <th scope="col">Change</th>
                </tr>
              </thead>
              <tbody>
                <For each={providers()}>
                  {(p) => (
                    <tr>
                      <th scope="row">
                        {p.displayName}
                        <br />
                        <small>{[...p.qualifications, p.licenseNumber ? `Licence ${p.licenseNumber}` : ''].filter(Boolean).join(' · ')}</small>
                      </th>
                      <td>{p.specialty}</td>
                      <td>
                        {p.facilities.map((f) => f.name).join(', ') || '—'}
                        <Show when={p.departments.length}>
                          <br />
                          <small>{p.departments.map((d) => d.name).join(', ')}</small>
                        </Show>
                      </td>
                      <td class="number">{formatMoney(p.consultationFeeMinor, p.currency)}</td>
                      <td>
                        <button type="button" class="secondary" aria-label={`Edit ${p.displayName}`} onClick={() => setEditing(p.id)}>
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
      <Show when={chosen()} keyed>
        {(p) => <ProviderForm provider={p} onSaved={() => setEditing(null)} onCancel={() => setEditing(null)} />}
      </Show>
      <ProviderForm />
    </section>
  );
}
