import { For } from 'solid-js';
import { formatDate, formatDayOf } from '../../lib/format.ts';
import type { MergeRecord } from './merge-queries.ts';

const rows: { label: string; value: (r: MergeRecord) => string }[] = [
  { label: 'MRN', value: (r) => r.mrn },
  { label: 'Name', value: (r) => r.displayName },
  { label: 'Date of birth', value: (r) => formatDate(r.dateOfBirth) },
  { label: 'Sex', value: (r) => r.sex.toLowerCase() },
  { label: 'Phone', value: (r) => r.phone ?? '—' },
  { label: 'E-mail', value: (r) => r.email ?? '—' },
  { label: 'Address', value: (r) => r.address ?? '—' },
  { label: 'Registered at', value: (r) => r.registeredFacility?.name ?? '—' },
  { label: 'Registered on', value: (r) => formatDayOf(r.createdAt, r.registeredFacility?.timezone) },
];

/** Two records side by side, differences marked, with the choice of the one to keep. */
export function MergeComparison(props: { records: [MergeRecord, MergeRecord]; keepId: string; onKeep: (id: string) => void }) {
  return (
    <table class="merge-comparison">
      <caption>The two records</caption>
      <thead>
        <tr>
          <th scope="col">Detail</th>
          <th scope="col">First record</th>
          <th scope="col">Second record</th>
        </tr>
      </thead>
      <tbody>
        <For each={rows}>
          {(row) => {
            const differs = () => row.value(props.records[0]) !== row.value(props.records[1]);
            return (
              <tr classList={{ differs: differs() }}>
                <th scope="row">
                  {row.label}
                  {differs() ? <span class="visually-hidden">{' (differs)'}</span> : null}
                </th>
                <For each={props.records}>{(r) => <td>{row.value(r)}</td>}</For>
              </tr>
            );
          }}
        </For>
        <tr>
          <th scope="row">Keep</th>
          <For each={props.records}>
            {(r) => (
              <td>
                <label class="keep-choice">
                  <input type="radio" name="keep" checked={props.keepId === r.id} onChange={() => props.onKeep(r.id)} /> Keep {r.mrn}
                </label>
              </td>
            )}
          </For>
        </tr>
      </tbody>
    </table>
  );
}
