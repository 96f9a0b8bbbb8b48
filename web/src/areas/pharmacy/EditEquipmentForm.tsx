import { createMutation } from '@urql/solid';
import { createSignal, For } from 'solid-js';
import { describeError } from '../../lib/errors.ts';
import type { VariablesOf } from '../../lib/graphql.ts';
import { EQUIPMENT_STATUS } from '../../lib/labels/supply.ts';
import { collect } from '../../lib/validate.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { type EquipmentInfo, INTERVAL_DAYS, UPDATE_EQUIPMENT } from './equipment-queries.ts';
import type { LocationInfo } from './locations.ts';

type Status = NonNullable<VariablesOf<typeof UPDATE_EQUIPMENT>['input']['status']>;
const STATUSES: readonly Status[] = ['IN_SERVICE', 'OUT_OF_SERVICE', 'RETIRED'];

/** Moves a piece of equipment, takes it out of service or retires it, or changes its maintenance interval. */
export function EditEquipmentForm(props: { equipment: EquipmentInfo; locations: readonly LocationInfo[]; onDone: (message: string) => void }) {
  const [status, setStatus] = createSignal<Status>(props.equipment.status);
  const [locationId, setLocationId] = createSignal(props.equipment.location.id);
  const [interval, setIntervalDays] = createSignal(props.equipment.maintenanceIntervalDays?.toString() ?? '');
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [state, update] = createMutation(UPDATE_EQUIPMENT);
  const fieldError = (name: string) => errors()[name] ?? describeError(state.error)?.fields[name];
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const days = interval().trim() ? Number(interval()) : null;
    const changedDays = days !== null && days !== props.equipment.maintenanceIntervalDays;
    const found = collect({
      maintenanceIntervalDays:
        !changedDays || (Number.isInteger(days) && days! >= INTERVAL_DAYS.min && days! <= INTERVAL_DAYS.max)
          ? null
          : `Enter ${INTERVAL_DAYS.min} to ${INTERVAL_DAYS.max} days.`,
    });
    setErrors(found);
    if (Object.keys(found).length) return;
    const result = await update({
      input: {
        equipmentId: props.equipment.id,
        ...(status() !== props.equipment.status ? { status: status() } : {}),
        ...(locationId() !== props.equipment.location.id ? { locationId: locationId() } : {}),
        ...(changedDays ? { maintenanceIntervalDays: days } : {}),
      },
    });
    if (result.data) props.onDone(`Saved ${props.equipment.serialNumber}.`);
  };
  return (
    <form onSubmit={submit} aria-label={`Edit ${props.equipment.serialNumber}`} class="row" novalidate>
      <Field label="Status" error={fieldError('status')}>
        {(c) => (
          <select {...c} value={status()} onChange={(e) => setStatus(e.currentTarget.value as Status)}>
            <For each={STATUSES}>{(s) => <option value={s}>{EQUIPMENT_STATUS[s]}</option>}</For>
          </select>
        )}
      </Field>
      <Field label="Location" error={fieldError('locationId')}>
        {(c) => (
          <select {...c} value={locationId()} onChange={(e) => setLocationId(e.currentTarget.value)}>
            <For each={props.locations}>{(l) => <option value={l.id}>{l.name}</option>}</For>
          </select>
        )}
      </Field>
      <Field label="Maintenance every (days)" error={fieldError('maintenanceIntervalDays')}>
        {(c) => (
          <input
            {...c}
            type="number"
            min={INTERVAL_DAYS.min}
            max={INTERVAL_DAYS.max}
            step="1"
            value={interval()}
            onInput={(e) => setIntervalDays(e.currentTarget.value)}
          />
        )}
      </Field>
      <ErrorNotice error={state.error} />
      <button type="submit" disabled={state.fetching}>
        Save changes
      </button>
    </form>
  );
}
