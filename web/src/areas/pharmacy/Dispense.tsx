import { A, useParams } from '@solidjs/router';
import { createMutation, createQuery } from '@urql/solid';
import { createEffect, createMemo, createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { useFacilityChoice } from '../../features/facilities.ts';
import { graphql, type ResultOf } from '../../lib/graphql.ts';
import type { Present } from '../../lib/unavailable.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { Status } from '../../ui/Status.tsx';
import { FefoPreview } from './FefoPreview.tsx';
import { useLocations } from './locations.ts';

export const PRESCRIPTION = graphql(`
  query PrescriptionToDispense($id: ID!) {
    prescription(id: $id) {
      id status
      patient { id displayName mrn allergies { substance severity } }
      items { id medicineName quantity dispensedQuantity item { id } }
    }
  }
`);

export const DISPENSE = graphql(`
  mutation DispensePrescription($input: DispensePrescriptionInput!) {
    dispensePrescription(input: $input) {
      operationId
      lines { quantity item { name } allocations { quantity lotNumber } }
    }
  }
`);

type ToDispense = Present<ResultOf<typeof PRESCRIPTION>>['prescription'];

/** Dispense one prescription from a pharmacy location, seeing first which lots FEFO will take. */
export function Dispense() {
  const params = useParams<{ id: string }>();
  const place = useFacilityChoice();
  const locations = useLocations(() => place.facility()?.id);
  const pharmacies = createMemo(() => locations().filter((l) => l.kind === 'PHARMACY'));
  const [locationId, setLocationId] = createSignal('');
  createEffect(() => {
    if (!locationId() && pharmacies()[0]) setLocationId(pharmacies()[0]!.id);
  });
  const [result] = createQuery({ query: PRESCRIPTION, variables: () => ({ id: params.id }) });
  const [quantities, setQuantities] = createStore<Record<string, string>>({});
  const [invalid, setInvalid] = createSignal<string | null>(null);
  const [state, dispense] = createMutation(DISPENSE);
  const remaining = (i: ToDispense['items'][number]) => i.quantity - i.dispensedQuantity;
  const lines = () =>
    (result.data?.prescription?.items ?? [])
      .map((i) => ({ itemId: i.item.id, prescriptionItemId: i.id, quantity: Number(quantities[i.id] ?? remaining(i)) }))
      .filter((l) => l.quantity > 0);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const items = result.data?.prescription?.items ?? [];
    const bad = items.find((i) => {
      const q = Number(quantities[i.id] ?? remaining(i));
      return !Number.isInteger(q) || q < 0 || q > remaining(i);
    });
    setInvalid(bad ? `${bad.medicineName}: give between 0 and ${remaining(bad)}.` : lines().length ? null : 'Nothing to give.');
    if (invalid()) return;
    await dispense({ input: { prescriptionId: params.id, locationId: locationId(), lines: lines() } });
  };

  return (
    <section class="page" aria-labelledby="dispense-title">
      <Loaded result={result}>
        {(data) => (
          <form onSubmit={submit} aria-label="Dispense" novalidate>
            <h1 id="dispense-title">Dispense for {data().prescription.patient.displayName}</h1>
            <p class="allergy-line" classList={{ alert: data().prescription.patient.allergies.length > 0 }}>
              Allergies:{' '}
              {data()
                .prescription.patient.allergies.map((a) => a.substance)
                .join(', ') || 'none recorded'}
            </p>
            <Field label="From">
              {(c) => (
                <select {...c} value={locationId()} onChange={(e) => setLocationId(e.currentTarget.value)}>
                  <For each={pharmacies()}>
                    {(l) => (
                      <option value={l.id} selected={l.id === locationId()}>
                        {l.name}
                      </option>
                    )}
                  </For>
                </select>
              )}
            </Field>
            <For each={data().prescription.items}>
              {(i) => (
                <Field label={`${i.medicineName} — quantity (of ${remaining(i)} left)`}>
                  {(c) => (
                    <input
                      {...c}
                      inputmode="numeric"
                      value={quantities[i.id] ?? String(remaining(i))}
                      onInput={(e) => setQuantities(i.id, e.currentTarget.value)}
                    />
                  )}
                </Field>
              )}
            </For>
            <h2>Lots to take</h2>
            <Show when={locationId() && !state.data}>
              <FefoPreview locationId={locationId()} lines={lines().map(({ itemId, quantity }) => ({ itemId, quantity }))} />
            </Show>
            <ErrorNotice error={invalid() ?? state.error} />
            <Show when={!state.data}>
              <button type="submit" disabled={state.fetching || !locationId()}>
                {state.fetching ? 'Dispensing…' : 'Dispense'}
              </button>
            </Show>
            <Status when={state.data}>
              Dispensed.{' '}
              {state.data?.dispensePrescription.lines.map((l: { quantity: number; item: { name: string } }) => `${l.quantity} × ${l.item.name}`).join(', ')}
            </Status>
            <Show when={state.data}>
              <A href="/pharmacy">Back to the queue</A>
            </Show>
          </form>
        )}
      </Loaded>
    </section>
  );
}
