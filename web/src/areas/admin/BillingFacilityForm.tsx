import { createMutation } from '@urql/solid';
import { createSignal } from 'solid-js';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Status } from '../../ui/Status.tsx';
import { type FacilityRow, SET_BILLING_FACILITY } from './facility-queries.ts';
import { fieldErrors, isTimeZone } from './field-errors.ts';
import { TextInput } from './TextInput.tsx';

/**
 * Finance's settings of a facility: the currency, the tax or registration number its invoices carry, and
 * the zone that decides a service date (and so its price), which is the facility's own.
 */
export function BillingFacilityForm(props: { facility: FacilityRow; onSaved?: () => void }) {
  const [currency, setCurrency] = createSignal('USD');
  const [taxNumber, setTaxNumber] = createSignal('');
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [state, save] = createMutation(SET_BILLING_FACILITY);
  const fieldError = fieldErrors(errors, state);
  const saved = () => state.data?.setBillingFacility;
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!/^[A-Za-z]{3}$/.test(currency().trim())) found.currency = 'Use a three-letter ISO code, e.g. USD.';
    if (!isTimeZone(props.facility.timezone)) found.currency = 'Give the facility a valid time zone first.';
    if (taxNumber().trim().length > 60) found.taxNumber = 'Use at most 60 characters.';
    setErrors(found);
    if (Object.keys(found).length) return;
    const result = await save({
      facilityId: props.facility.id,
      timeZone: props.facility.timezone,
      currency: currency().trim().toUpperCase(),
      ...(taxNumber().trim() ? { taxNumber: taxNumber().trim() } : {}),
    });
    if (result.data) props.onSaved?.();
  };
  return (
    <form class="inline-form" aria-label={`Billing settings of ${props.facility.name}`} onSubmit={submit} novalidate>
      <TextInput
        label="Billing currency"
        value={currency()}
        onInput={setCurrency}
        error={fieldError('currency') ?? fieldError('timeZone')}
        hint={`Prices and invoices count service dates in ${props.facility.timezone}.`}
      />
      <TextInput
        label="Tax or registration number"
        value={taxNumber()}
        onInput={setTaxNumber}
        error={fieldError('taxNumber')}
        hint="Printed on invoices and receipts. Leave empty to keep the current one."
      />
      <button type="submit" class="secondary" disabled={state.fetching}>
        Save billing settings
      </button>
      <ErrorNotice error={state.error} />
      <Status when={saved()}>
        Billing uses {saved()?.currency} in {saved()?.timeZone}
        {saved()?.taxNumber ? `, tax number ${saved()?.taxNumber}` : ''}.
      </Status>
    </form>
  );
}
