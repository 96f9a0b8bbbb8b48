import { createMutation } from '@urql/solid';
import { createSignal } from 'solid-js';
import type { VariablesOf } from '../../lib/graphql.ts';
import { collect } from '../../lib/validate.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { LOG_MAINTENANCE } from './equipment-queries.ts';

type Kind = VariablesOf<typeof LOG_MAINTENANCE>['input']['kind'];

/** Logs maintenance done to one piece of equipment; the next due date follows from its interval. */
export function MaintenanceForm(props: { equipmentId: string; serialNumber: string; today: string; onDone: () => void }) {
  const [performedOn, setPerformedOn] = createSignal(props.today);
  const [kind, setKind] = createSignal<Kind>('PREVENTIVE');
  const [notes, setNotes] = createSignal('');
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [state, log] = createMutation(LOG_MAINTENANCE);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const found = collect({
      performedOn: /^\d{4}-\d{2}-\d{2}$/.test(performedOn()) && performedOn() <= props.today ? null : 'Enter the day it was done (not in the future).',
    });
    setErrors(found);
    if (Object.keys(found).length) return;
    const result = await log({
      input: { equipmentId: props.equipmentId, performedOn: performedOn(), kind: kind(), ...(notes().trim() ? { notes: notes().trim() } : {}) },
    });
    if (result.data) props.onDone();
  };
  return (
    <form onSubmit={submit} aria-label={`Log maintenance for ${props.serialNumber}`} class="row" novalidate>
      <Field label="Done on" error={errors().performedOn}>
        {(c) => <input {...c} type="date" value={performedOn()} onInput={(e) => setPerformedOn(e.currentTarget.value)} />}
      </Field>
      <Field label="Kind">
        {(c) => (
          <select {...c} value={kind()} onChange={(e) => setKind(e.currentTarget.value as Kind)}>
            <option value="PREVENTIVE">Preventive</option>
            <option value="CALIBRATION">Calibration</option>
            <option value="INSPECTION">Inspection</option>
            <option value="REPAIR">Repair</option>
          </select>
        )}
      </Field>
      <Field label="Notes">{(c) => <input {...c} value={notes()} onInput={(e) => setNotes(e.currentTarget.value)} />}</Field>
      <ErrorNotice error={state.error} />
      <button type="submit" disabled={state.fetching}>
        Log maintenance
      </button>
    </form>
  );
}
