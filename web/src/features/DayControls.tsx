import { addDays, formatDate } from '../lib/format.ts';
import { Field } from '../ui/Field.tsx';

/** A day with previous/next buttons and a date field. */
export function DayControls(props: { day: string; onChange: (day: string) => void; today: string }) {
  return (
    <fieldset class="day-controls">
      <legend class="visually-hidden">Day</legend>
      <button type="button" class="secondary" onClick={() => props.onChange(addDays(props.day, -1))} aria-label="Previous day">
        ‹
      </button>
      <Field label="Day">
        {(c) => <input {...c} type="date" value={props.day} onInput={(e) => e.currentTarget.value && props.onChange(e.currentTarget.value)} />}
      </Field>
      <button type="button" class="secondary" onClick={() => props.onChange(addDays(props.day, 1))} aria-label="Next day">
        ›
      </button>
      <button type="button" class="secondary" onClick={() => props.onChange(props.today)} disabled={props.day === props.today}>
        Today
      </button>
      <span class="day-label">{formatDate(props.day)}</span>
    </fieldset>
  );
}
