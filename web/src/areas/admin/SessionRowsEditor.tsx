import { For, Show } from 'solid-js';
import type { SetStoreFunction } from 'solid-js/store';
import { formatDate } from '../../lib/format.ts';
import { Field } from '../../ui/Field.tsx';
import { WEEKDAYS } from './schedule-queries.ts';
import type { SessionRow } from './session-rows.ts';
import { TextInput } from './TextInput.tsx';

const FIRST: SessionRow = {
  weekday: 1,
  start: '09:00',
  end: '17:00',
  slot: '20',
  breakStart: '',
  breakEnd: '',
  otherBreaks: [],
  effectiveFrom: null,
  effectiveTo: null,
};

/** What a session keeps that this editor does not change: its further breaks and its own date range. */
const kept = (row: SessionRow) =>
  [
    row.otherBreaks.length ? `also breaks ${row.otherBreaks.map((b) => `${b.start}–${b.end}`).join(', ')}` : '',
    row.effectiveFrom ? `only from ${formatDate(row.effectiveFrom)}` : '',
    row.effectiveTo ? `only until ${formatDate(row.effectiveTo)}` : '',
  ]
    .filter(Boolean)
    .join('; ');

/** The weekly sessions of a schedule, one row each: weekday, hours, slot length and an optional break. */
export function SessionRowsEditor(props: { rows: SessionRow[]; setRows: SetStoreFunction<SessionRow[]>; problems: Record<number, string> }) {
  const text = (i: number, key: 'start' | 'end' | 'slot' | 'breakStart' | 'breakEnd', label: string) => (
    <TextInput label={label} value={props.rows[i]?.[key] ?? ''} onInput={(v) => props.setRows(i, key, v)} />
  );
  return (
    <fieldset>
      <legend>Weekly sessions</legend>
      <For each={props.rows}>
        {(row, i) => (
          <fieldset class="row" aria-label={`Session ${i() + 1}`}>
            <Field label="Weekday" error={props.problems[i()]}>
              {(c) => (
                <select {...c} value={row.weekday} onChange={(e) => props.setRows(i(), 'weekday', Number(e.currentTarget.value))}>
                  <For each={WEEKDAYS}>
                    {(day, d) => (
                      <option value={d() + 1} selected={d() + 1 === row.weekday}>
                        {day}
                      </option>
                    )}
                  </For>
                </select>
              )}
            </Field>
            {text(i(), 'start', 'Start')}
            {text(i(), 'end', 'End')}
            {text(i(), 'slot', 'Slot minutes')}
            {text(i(), 'breakStart', 'Break from')}
            {text(i(), 'breakEnd', 'Break until')}
            <Show when={kept(row)}>
              <small class="muted">Kept as set: {kept(row)}</small>
            </Show>
            <Show when={props.rows.length > 1}>
              <button
                type="button"
                class="secondary"
                aria-label={`Remove session ${i() + 1}`}
                onClick={() => props.setRows((rows) => rows.filter((_, j) => j !== i()))}
              >
                Remove
              </button>
            </Show>
          </fieldset>
        )}
      </For>
      <button
        type="button"
        class="secondary"
        onClick={() =>
          props.setRows((rows) => [
            ...rows,
            { ...(rows.at(-1) ?? FIRST), otherBreaks: [], effectiveFrom: null, effectiveTo: null, weekday: ((rows.at(-1)?.weekday ?? 0) % 7) + 1 },
          ])
        }
      >
        Add a session
      </button>
    </fieldset>
  );
}
