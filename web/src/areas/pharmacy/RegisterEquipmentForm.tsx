import { createMutation } from '@urql/solid';
import { createSignal, For } from 'solid-js';
import { describeError } from '../../lib/errors.ts';
import { check, collect } from '../../lib/validate.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { useItems } from './catalogue.ts';
import { INTERVAL_DAYS, REGISTER_EQUIPMENT } from './equipment-queries.ts';
import type { LocationInfo } from './locations.ts';

/** Registers a piece of equipment (an EQUIPMENT item of the catalogue) by serial number, with its maintenance interval. */
export function RegisterEquipmentForm(props: { locations: readonly LocationInfo[]; today: string; onDone: (message: string) => void }) {
  const kinds = useItems('EQUIPMENT');
  const [itemId, setItemId] = createSignal('');
  const [serial, setSerial] = createSignal('');
  const [locationId, setLocationId] = createSignal('');
  const [interval, setIntervalDays] = createSignal('');
  const [lastOn, setLastOn] = createSignal('');
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [state, register] = createMutation(REGISTER_EQUIPMENT);
  const fieldError = (name: string) => errors()[name] ?? describeError(state.error)?.fields[name];
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const days = interval().trim() ? Number(interval()) : null;
    const found = collect({
      itemId: itemId() ? null : 'Choose what kind of equipment it is.',
      serialNumber: check.required(serial(), 'Enter the serial number.'),
      locationId: locationId() ? null : 'Choose where it is.',
      maintenanceIntervalDays:
        days === null || (Number.isInteger(days) && days >= INTERVAL_DAYS.min && days <= INTERVAL_DAYS.max)
          ? null
          : `Enter ${INTERVAL_DAYS.min} to ${INTERVAL_DAYS.max} days, or leave empty.`,
      lastMaintainedOn: lastOn() && lastOn() > props.today ? 'Enter a day that has passed.' : null,
    });
    setErrors(found);
    if (Object.keys(found).length) return;
    const result = await register({
      input: {
        itemId: itemId(),
        serialNumber: serial().trim(),
        locationId: locationId(),
        ...(days !== null ? { maintenanceIntervalDays: days } : {}),
        ...(lastOn() ? { lastMaintainedOn: lastOn() } : {}),
      },
    });
    if (!result.data) return;
    setSerial('');
    props.onDone(`Registered ${result.data.registerEquipment.serialNumber}.`);
  };
  return (
    <form onSubmit={submit} aria-label="Register equipment" novalidate>
      <div class="row">
        <Field label="Equipment" error={fieldError('itemId')}>
          {(c) => (
            <select {...c} value={itemId()} onChange={(e) => setItemId(e.currentTarget.value)}>
              <option value="">Choose…</option>
              <For each={kinds()}>{(i) => <option value={i.id}>{i.name}</option>}</For>
            </select>
          )}
        </Field>
        <Field label="Serial number" error={fieldError('serialNumber')}>
          {(c) => <input {...c} maxLength={100} value={serial()} onInput={(e) => setSerial(e.currentTarget.value)} />}
        </Field>
        <Field label="Location" error={fieldError('locationId')}>
          {(c) => (
            <select {...c} value={locationId()} onChange={(e) => setLocationId(e.currentTarget.value)}>
              <option value="">Choose…</option>
              <For each={props.locations}>{(l) => <option value={l.id}>{l.name}</option>}</For>
            </select>
          )}
        </Field>
      </div>
      <div class="row">
        <Field label="Maintenance every (days)" hint="Empty: no scheduled maintenance." error={fieldError('maintenanceIntervalDays')}>
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
        <Field label="Last maintained on (optional)" error={fieldError('lastMaintainedOn')}>
          {(c) => <input {...c} type="date" max={props.today} value={lastOn()} onInput={(e) => setLastOn(e.currentTarget.value)} />}
        </Field>
      </div>
      <ErrorNotice error={state.error} />
      <button type="submit" disabled={state.fetching}>
        Register
      </button>
    </form>
  );
}
