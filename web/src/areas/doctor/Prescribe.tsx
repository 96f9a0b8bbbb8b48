import { createMutation, createQuery } from '@urql/solid';
import { createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { describeError } from '../../lib/errors.ts';
import { type FragmentOf, graphql, readFragment, type VariablesOf } from '../../lib/graphql.ts';
import { MEDICATION_ROUTE, PRESCRIPTION_STATUS } from '../../lib/labels/clinical.ts';
import { check, collect } from '../../lib/validate.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { PRESCRIPTION_FIELDS } from './queries.ts';
import { SafetyReview } from './SafetyReview.tsx';

export const MEDICINES = graphql(`
  query Medicines {
    items(kind: MEDICINE) { id name strength form }
  }
`);

export const CREATE_PRESCRIPTION = graphql(
  `
  mutation CreatePrescription($encounterId: ID!, $items: [PrescriptionItemInput!]) {
    createPrescription(encounterId: $encounterId, items: $items) { ...PrescriptionFields }
  }
`,
  [PRESCRIPTION_FIELDS],
);

export const ADD_ITEM = graphql(
  `
  mutation AddPrescriptionItem($prescriptionId: ID!, $item: PrescriptionItemInput!) {
    addPrescriptionItem(prescriptionId: $prescriptionId, item: $item) { ...PrescriptionFields }
  }
`,
  [PRESCRIPTION_FIELDS],
);

export const REMOVE_ITEM = graphql(
  `
  mutation RemovePrescriptionItem($itemId: ID!) {
    removePrescriptionItem(itemId: $itemId) { ...PrescriptionFields }
  }
`,
  [PRESCRIPTION_FIELDS],
);

export const DISCARD_DRAFT = graphql(`
  mutation DiscardPrescriptionDraft($id: ID!, $reason: String!) {
    cancelPrescription(id: $id, reason: $reason) { id status }
  }
`);

type Route = VariablesOf<typeof ADD_ITEM>['item']['route'];

const ROUTES: readonly Route[] = [
  'ORAL',
  'SUBLINGUAL',
  'TOPICAL',
  'INHALED',
  'INTRAVENOUS',
  'INTRAMUSCULAR',
  'SUBCUTANEOUS',
  'RECTAL',
  'OPHTHALMIC',
  'OTIC',
  'NASAL',
];
/** The API's bounds on a line (care's prescription item rule). */
const MAX_DAYS = 365;
const MAX_QUANTITY = 10_000;

const blank = () => ({ itemId: '', dose: '', route: 'ORAL' as Route, frequency: '', durationDays: '', quantity: '', instructions: '' });

/** Prescribing: build a draft line by line, review its safety warnings, finalise it for the pharmacy. */
export function Prescribe(props: {
  encounterId: string;
  prescriptions: readonly FragmentOf<typeof PRESCRIPTION_FIELDS>[];
  editable: boolean;
  onChanged: () => void;
}) {
  const [medicines] = createQuery({ query: MEDICINES });
  const prescriptions = () => readFragment(PRESCRIPTION_FIELDS, props.prescriptions);
  const [line, setLine] = createStore(blank());
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [created, create] = createMutation(CREATE_PRESCRIPTION);
  const [added, add] = createMutation(ADD_ITEM);
  const [removed, remove] = createMutation(REMOVE_ITEM);
  const [discarded, discard] = createMutation(DISCARD_DRAFT);
  const draft = () => prescriptions().find((p) => p.status === 'DRAFT');

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const found = collect({
      itemId: line.itemId ? null : 'Choose a medicine.',
      dose: check.required(line.dose, 'Enter the dose, e.g. 500 mg.'),
      frequency: check.required(line.frequency, 'Enter how often, e.g. 3 times a day.'),
      durationDays: check.positiveInt(line.durationDays, MAX_DAYS),
      quantity: check.positiveInt(line.quantity, MAX_QUANTITY),
    });
    setErrors(found);
    if (Object.keys(found).length) return;
    const item = {
      itemId: line.itemId,
      dose: line.dose.trim(),
      route: line.route,
      frequency: line.frequency.trim(),
      durationDays: Number(line.durationDays),
      quantity: Number(line.quantity),
      ...(line.instructions.trim() ? { instructions: line.instructions.trim() } : {}),
    };
    const current = draft();
    const result = current ? await add({ prescriptionId: current.id, item }) : await create({ encounterId: props.encounterId, items: [item] });
    if (result.data) {
      setLine(blank());
      props.onChanged();
    }
  };

  const input = (key: 'dose' | 'frequency' | 'durationDays' | 'quantity' | 'instructions', label: string, numeric = false) => (
    <Field label={label} error={errors()[key] ?? describeError(created.error ?? added.error)?.fields[key]}>
      {(c) => <input {...c} inputmode={numeric ? 'numeric' : undefined} value={line[key]} onInput={(e) => setLine(key, e.currentTarget.value)} />}
    </Field>
  );

  return (
    <section aria-label="Prescriptions" class="card">
      <h2>Prescriptions</h2>
      <For each={prescriptions().filter((p) => p.status !== 'DRAFT')}>
        {(p) => (
          <p>
            {PRESCRIPTION_STATUS[p.status]}: {p.items.map((i) => `${i.medicineName} ${i.dose} ${i.frequency} ×${i.quantity}`).join('; ')}
          </p>
        )}
      </For>
      <Show when={draft()}>
        {(d) => (
          <div class="draft">
            <h3>Draft</h3>
            <ul>
              <For each={d().items}>
                {(i) => (
                  <li>
                    {i.medicineName} — {i.dose}, {MEDICATION_ROUTE[i.route]}, {i.frequency}, {i.durationDays} days, quantity {i.quantity}{' '}
                    <button type="button" class="link" onClick={() => remove({ itemId: i.id }).then(props.onChanged)} disabled={removed.fetching}>
                      Remove
                    </button>
                  </li>
                )}
              </For>
            </ul>
            <Show
              when={d()
                .items.map((i) => i.id)
                .join(',')}
              keyed
            >
              {(_items: string) => <SafetyReview prescriptionId={d().id} onFinalised={props.onChanged} />}
            </Show>
            <button
              type="button"
              class="secondary"
              disabled={discarded.fetching}
              onClick={() => discard({ id: d().id, reason: 'Draft discarded by the prescriber before finalising' }).then((r) => r.data && props.onChanged())}
            >
              Discard draft
            </button>
            <ErrorNotice error={discarded.error} />
          </div>
        )}
      </Show>
      <Show when={props.editable}>
        <form onSubmit={submit} aria-label="Add a medicine" novalidate>
          <div class="row">
            <Field label="Medicine" error={errors().itemId}>
              {(c) => (
                <select {...c} value={line.itemId} onChange={(e) => setLine('itemId', e.currentTarget.value)}>
                  <option value="">Choose…</option>
                  <For each={medicines.data?.items ?? []}>
                    {(m) => (
                      <option value={m.id} selected={m.id === line.itemId}>
                        {m.name}
                      </option>
                    )}
                  </For>
                </select>
              )}
            </Field>
            {input('dose', 'Dose')}
            <Field label="Route">
              {(c) => (
                <select {...c} value={line.route} onChange={(e) => setLine('route', e.currentTarget.value as Route)}>
                  <For each={ROUTES}>
                    {(r) => (
                      <option value={r} selected={r === line.route}>
                        {MEDICATION_ROUTE[r]}
                      </option>
                    )}
                  </For>
                </select>
              )}
            </Field>
            {input('frequency', 'Frequency')}
            {input('durationDays', 'Days', true)}
            {input('quantity', 'Quantity', true)}
          </div>
          {input('instructions', 'Instructions (optional)')}
          <ErrorNotice error={created.error ?? added.error ?? removed.error} />
          <button type="submit" disabled={created.fetching || added.fetching}>
            {draft() ? 'Add to draft' : 'Start prescription'}
          </button>
        </form>
      </Show>
    </section>
  );
}
