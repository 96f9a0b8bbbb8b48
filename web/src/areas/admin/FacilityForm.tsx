import { createMutation } from '@urql/solid';
import { createSignal, createUniqueId, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { readFragment } from '../../lib/graphql.ts';
import { check, collect } from '../../lib/validate.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Status } from '../../ui/Status.tsx';
import { CREATE_FACILITY, FACILITY_FIELDS, type FacilityRow, SET_SCHEDULING_ZONE, UPDATE_FACILITY } from './facility-queries.ts';
import { fieldErrors, isTimeZone, orNull } from './field-errors.ts';
import { TextInput } from './TextInput.tsx';

const ZONES = Intl.supportedValuesOf('timeZone');

/**
 * Creates a facility, or edits one. The time zone is also given to scheduling (which computes slots and
 * exceptions in it), so a new facility can take holidays at once and a corrected zone moves its sessions.
 */
export function FacilityForm(props: { facility?: FacilityRow; onSaved?: (zoneChanged: boolean) => void; onCancel?: () => void }) {
  const initial = () => ({
    code: props.facility?.code ?? '',
    name: props.facility?.name ?? '',
    timezone: props.facility?.timezone ?? '',
    address: props.facility?.address ?? '',
    phone: props.facility?.phone ?? '',
  });
  const [form, setForm] = createStore(initial());
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [created, create] = createMutation(CREATE_FACILITY);
  const [updated, update] = createMutation(UPDATE_FACILITY);
  const [zoned, setZone] = createMutation(SET_SCHEDULING_ZONE);
  const [saved, setSaved] = createSignal(false);
  const [zoneOwed, setZoneOwed] = createSignal(false);
  const state = () => (props.facility ? updated : created);
  const fieldError = fieldErrors(errors, created, updated, zoned);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setSaved(false);
    const found = collect({
      code: /^[A-Za-z0-9][A-Za-z0-9-]{1,15}$/.test(form.code.trim()) ? null : 'Use 2–16 letters, digits or dashes, e.g. RIV.',
      name: check.required(form.name, 'Enter the facility’s name.'),
      timezone: isTimeZone(form.timezone.trim()) ? null : 'Choose a time zone from the list, e.g. Europe/Berlin.',
      phone: check.phone(form.phone),
    });
    setErrors(found);
    if (Object.keys(found).length) return;
    const input = { code: form.code.trim(), name: form.name.trim(), timezone: form.timezone.trim(), address: orNull(form.address), phone: orNull(form.phone) };
    const current = props.facility;
    const result = current ? await update({ id: current.id, input }) : await create({ input });
    const answer = result.data && ('updateFacility' in result.data ? result.data.updateFacility : result.data.createFacility);
    if (!answer) return;
    const row = readFragment(FACILITY_FIELDS, answer);
    const zoneChanged = !!current && (current.timezone !== row.timezone || zoneOwed());
    // Scheduling gets the zone of a new facility, a changed zone, or one a failed attempt still owes it.
    if (!current || zoneChanged) {
      setZoneOwed(true);
      const zone = await setZone({ facilityId: row.id, timezone: row.timezone });
      if (!zone.data) return;
      setZoneOwed(false);
    }
    setSaved(true);
    if (!current) setForm({ code: '', name: '', timezone: '', address: '', phone: '' });
    props.onSaved?.(zoneChanged);
  };
  const zoneList = createUniqueId();
  const title = () => (props.facility ? `Edit ${props.facility.name}` : 'New facility');
  return (
    <form onSubmit={submit} aria-label={title()} class="card" novalidate>
      <h2>{title()}</h2>
      <div class="row">
        <TextInput label="Code" value={form.code} onInput={(v) => setForm('code', v)} error={fieldError('code')} hint="A short unique code, e.g. RIV." />
        <TextInput label="Name" value={form.name} onInput={(v) => setForm('name', v)} error={fieldError('name')} />
        <TextInput
          label="Time zone"
          value={form.timezone}
          onInput={(v) => setForm('timezone', v)}
          error={fieldError('timezone')}
          list={zoneList}
          hint="Schedules, bookings and documents use this zone."
        />
        <TextInput label="Phone" type="tel" value={form.phone} onInput={(v) => setForm('phone', v)} error={fieldError('phone')} />
      </div>
      <TextInput label="Address" value={form.address} onInput={(v) => setForm('address', v)} error={fieldError('address')} />
      <datalist id={zoneList}>
        <For each={ZONES}>{(z) => <option value={z} />}</For>
      </datalist>
      <ErrorNotice error={state().error ?? zoned.error} />
      <div class="actions">
        <button type="submit" disabled={state().fetching || zoned.fetching}>
          {props.facility ? 'Save facility' : 'Create facility'}
        </button>
        <Show when={props.onCancel}>
          {(cancel) => (
            <button type="button" class="secondary" onClick={() => cancel()()}>
              Cancel
            </button>
          )}
        </Show>
      </div>
      <Status when={saved()}>{props.facility ? 'Facility saved.' : 'Facility created.'}</Status>
    </form>
  );
}
