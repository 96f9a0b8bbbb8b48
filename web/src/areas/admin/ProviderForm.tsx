import { createMutation, createQuery } from '@urql/solid';
import { createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { describeError } from '../../lib/errors.ts';
import { parseMoney } from '../../lib/format.ts';
import { readFragment } from '../../lib/graphql.ts';
import { check, collect } from '../../lib/validate.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Status } from '../../ui/Status.tsx';
import { ADMIN_FACILITIES, FACILITY_FIELDS } from './facility-queries.ts';
import { fieldErrors, orNull } from './field-errors.ts';
import { CREATE_PROVIDER, PROVIDER_FIELDS, type ProviderRow, SET_BILLING_SPECIALTY, UPDATE_PROVIDER } from './provider-queries.ts';
import { TextInput } from './TextInput.tsx';

/** The API's ceiling for a fee, in minor units. */
const FEE_MAX_MINOR = 100_000_000;

/** A fee in minor units as a person types it, e.g. 4500 USD → 45.00. */
function feeText(p?: ProviderRow): string {
  if (!p) return '';
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency: p.currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return (p.consultationFeeMinor / 10 ** digits).toFixed(digits);
}

/**
 * Creates or edits a provider: names, specialty, qualifications, licence, consultation fee, and where they
 * work. Finance prices consultations by its own copy of the specialty, which is set with it.
 */
export function ProviderForm(props: { provider?: ProviderRow; onSaved?: () => void; onCancel?: () => void }) {
  const [facilities] = createQuery({ query: ADMIN_FACILITIES });
  const p = props.provider;
  const blank = { givenName: '', familyName: '', title: '', specialty: '', billingSpecialty: '', qualifications: '', licenseNumber: '', fee: '' };
  const [form, setForm] = createStore({
    givenName: p?.givenName ?? '',
    familyName: p?.familyName ?? '',
    title: p?.title ?? '',
    specialty: p?.specialty ?? '',
    billingSpecialty: '',
    qualifications: p?.qualifications.join(', ') ?? '',
    licenseNumber: p?.licenseNumber ?? '',
    fee: feeText(p),
    currency: p?.currency ?? 'USD',
    facilityIds: p?.facilities.map((f) => f.id) ?? [],
    departmentIds: p?.departments.map((d) => d.id) ?? [],
  });
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [created, create] = createMutation(CREATE_PROVIDER);
  const [updated, update] = createMutation(UPDATE_PROVIDER);
  const [billed, setBilling] = createMutation(SET_BILLING_SPECIALTY);
  const [saved, setSaved] = createSignal(false);
  const state = () => (props.provider ? updated : created);
  const fieldError = fieldErrors(errors, created, updated);
  const places = () => readFragment(FACILITY_FIELDS, facilities.data?.facilities ?? []);
  const toggle = (key: 'facilityIds' | 'departmentIds', id: string, on: boolean) => setForm(key, (ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)));
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setSaved(false);
    const currency = form.currency.trim().toUpperCase();
    const fee = /^[A-Z]{3}$/.test(currency) ? parseMoney(form.fee, currency) : null;
    const departments = places().flatMap((f) => (form.facilityIds.includes(f.id) ? f.departments.map((d) => d.id) : []));
    const found = collect({
      givenName: check.required(form.givenName, 'Enter the given name.'),
      familyName: check.required(form.familyName, 'Enter the family name.'),
      specialty: check.required(form.specialty, 'Enter the specialty, e.g. General Practice.'),
      currency: /^[A-Z]{3}$/.test(currency) ? null : 'Use a three-letter ISO code, e.g. USD.',
      consultationFeeMinor: fee === null ? 'Enter the fee, e.g. 45.00.' : fee > FEE_MAX_MINOR ? 'That fee is larger than the clinic can charge.' : null,
      departmentIds: form.departmentIds.every((d) => departments.includes(d)) ? null : 'A department must be at one of the chosen facilities.',
    });
    setErrors(found);
    if (Object.keys(found).length || fee === null) return;
    const input = {
      givenName: form.givenName.trim(),
      familyName: form.familyName.trim(),
      title: orNull(form.title),
      specialty: form.specialty.trim(),
      qualifications: form.qualifications
        .split(',')
        .map((q) => q.trim())
        .filter(Boolean),
      licenseNumber: orNull(form.licenseNumber),
      consultationFeeMinor: fee,
      currency,
      facilityIds: form.facilityIds,
      departmentIds: form.departmentIds,
    };
    const current = props.provider;
    const result = current ? await update({ id: current.id, input }) : await create({ input });
    const answer = result.data && ('updateProvider' in result.data ? result.data.updateProvider : result.data.createProvider);
    if (!answer) return;
    const row = readFragment(PROVIDER_FIELDS, answer);
    // Finance prices by its own copy of the specialty: set it for a new provider, a changed specialty, or when given.
    if (!current || form.billingSpecialty.trim() || current.specialty !== row.specialty) {
      const billing = await setBilling({ providerId: row.id, specialty: form.billingSpecialty.trim() || row.specialty });
      if (!billing.data) return;
    }
    setSaved(true);
    if (!current) setForm({ ...blank, facilityIds: [], departmentIds: [] });
    props.onSaved?.();
  };
  const title = () => (props.provider ? `Edit ${props.provider.displayName}` : 'New provider');
  return (
    <form onSubmit={submit} aria-label={title()} class="card" novalidate>
      <h2>{title()}</h2>
      <div class="row">
        <TextInput label="Title" value={form.title} onInput={(v) => setForm('title', v)} error={fieldError('title')} hint="e.g. Dr." />
        <TextInput label="Given name" value={form.givenName} onInput={(v) => setForm('givenName', v)} error={fieldError('givenName')} />
        <TextInput label="Family name" value={form.familyName} onInput={(v) => setForm('familyName', v)} error={fieldError('familyName')} />
        <TextInput label="Specialty" value={form.specialty} onInput={(v) => setForm('specialty', v)} error={fieldError('specialty')} />
        <TextInput
          label="Billing specialty"
          value={form.billingSpecialty}
          onInput={(v) => setForm('billingSpecialty', v)}
          error={describeError(billed.error)?.fields.specialty}
          hint={
            props.provider
              ? 'The price list’s specialty for this provider; empty keeps it (or follows a changed specialty).'
              : 'The price list’s specialty for this provider; empty: the specialty.'
          }
        />
      </div>
      <div class="row">
        <TextInput
          label="Qualifications"
          value={form.qualifications}
          onInput={(v) => setForm('qualifications', v)}
          error={fieldError('qualifications')}
          hint="Separated by commas."
        />
        <TextInput label="Licence number" value={form.licenseNumber} onInput={(v) => setForm('licenseNumber', v)} error={fieldError('licenseNumber')} />
        <TextInput
          label="Consultation fee"
          inputmode="decimal"
          value={form.fee}
          onInput={(v) => setForm('fee', v)}
          error={fieldError('consultationFeeMinor')}
        />
        <TextInput label="Currency" value={form.currency} onInput={(v) => setForm('currency', v)} error={fieldError('currency')} />
      </div>
      <fieldset class="checks">
        <legend>Works at</legend>
        <For each={places()}>
          {(f) => (
            <div>
              <label>
                <input type="checkbox" checked={form.facilityIds.includes(f.id)} onChange={(e) => toggle('facilityIds', f.id, e.currentTarget.checked)} />{' '}
                {f.name}
              </label>
              <Show when={form.facilityIds.includes(f.id) && f.departments.length}>
                <fieldset class="checks compact">
                  <legend>Departments at {f.name}</legend>
                  <For each={f.departments}>
                    {(d) => (
                      <label>
                        <input
                          type="checkbox"
                          checked={form.departmentIds.includes(d.id)}
                          onChange={(e) => toggle('departmentIds', d.id, e.currentTarget.checked)}
                        />{' '}
                        {d.name}
                      </label>
                    )}
                  </For>
                </fieldset>
              </Show>
            </div>
          )}
        </For>
        <Show when={fieldError('facilityIds') ?? fieldError('departmentIds')}>{(message) => <small class="field-error">{message()}</small>}</Show>
      </fieldset>
      <ErrorNotice error={state().error ?? billed.error} />
      <div class="actions">
        <button type="submit" disabled={state().fetching || billed.fetching}>
          {props.provider ? 'Save provider' : 'Create provider'}
        </button>
        <Show when={props.onCancel}>
          {(cancel) => (
            <button type="button" class="secondary" onClick={() => cancel()()}>
              Cancel
            </button>
          )}
        </Show>
      </div>
      <Status when={saved()}>{props.provider ? 'Provider saved.' : 'Provider created.'}</Status>
    </form>
  );
}
