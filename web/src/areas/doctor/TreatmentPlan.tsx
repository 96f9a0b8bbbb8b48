import { createMutation } from '@urql/solid';
import { createSignal, For, Show } from 'solid-js';
import { describeError } from '../../lib/errors.ts';
import { formatDayOf } from '../../lib/format.ts';
import { TREATMENT_STATUS } from '../../lib/labels/clinical.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { ADD_PLAN_ITEM, type DentalChartInfo, isFdiTooth, SET_PLAN_STATUS } from './dental-queries.ts';

/** The dental treatment plan by priority: adding a step, and marking a planned one done or cancelled. */
export function TreatmentPlan(props: { plan: DentalChartInfo['plan']; encounterId?: string; editable: boolean; timeZone?: string }) {
  const [procedure, setProcedure] = createSignal('');
  const [tooth, setTooth] = createSignal('');
  const [priority, setPriority] = createSignal('1');
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [added, add] = createMutation(ADD_PLAN_ITEM);
  const [changed, setStatus] = createMutation(SET_PLAN_STATUS);
  const sorted = () => [...props.plan].sort((a, b) => a.priority - b.priority || a.createdAt.localeCompare(b.createdAt));
  const fieldError = (name: string) => errors()[name] ?? describeError(added.error)?.fields[name];
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const t = tooth().trim() ? Number(tooth().trim()) : null;
    const p = Number(priority());
    if (procedure().trim().length < 2) found.procedure = 'Describe the procedure (at least 2 characters).';
    if (t !== null && !isFdiTooth(t)) found.tooth = 'Enter an FDI tooth number, or leave empty for the whole mouth.';
    if (!Number.isInteger(p) || p < 1 || p > 9) found.priority = 'A whole number from 1 (first) to 9.';
    setErrors(found);
    if (Object.keys(found).length) return;
    const result = await add({ encounterId: props.encounterId!, procedure: procedure().trim(), tooth: t, priority: p });
    if (result.data) {
      setProcedure('');
      setTooth('');
    }
  };
  return (
    <section aria-label="Treatment plan">
      <h3>Treatment plan</h3>
      <ol>
        <For each={sorted()} fallback={<li class="empty">No treatment planned.</li>}>
          {(item) => (
            <li>
              {item.tooth ? `Tooth ${item.tooth} · ` : ''}
              {item.procedure} · priority {item.priority} · {TREATMENT_STATUS[item.status]}
              {item.completedAt ? ` ${formatDayOf(item.completedAt, props.timeZone)}` : ''}
              {item.note ? ` · ${item.note}` : ''}
              <Show when={props.editable && item.status === 'PLANNED'}>
                {' '}
                <button type="button" class="link" aria-label={`Mark ${item.procedure} done`} onClick={() => setStatus({ id: item.id, status: 'DONE' })}>
                  Done
                </button>{' '}
                <button type="button" class="link" aria-label={`Cancel ${item.procedure}`} onClick={() => setStatus({ id: item.id, status: 'CANCELLED' })}>
                  Cancel
                </button>
              </Show>
            </li>
          )}
        </For>
      </ol>
      <ErrorNotice error={changed.error} />
      <Show when={props.editable && props.encounterId}>
        <form onSubmit={submit} aria-label="Add to the treatment plan" novalidate>
          <div class="row">
            <Field label="Procedure" error={fieldError('procedure')}>
              {(c) => <input {...c} value={procedure()} onInput={(e) => setProcedure(e.currentTarget.value)} />}
            </Field>
            <Field label="Tooth (optional)" error={fieldError('tooth')}>
              {(c) => <input {...c} inputmode="numeric" value={tooth()} onInput={(e) => setTooth(e.currentTarget.value)} />}
            </Field>
            <Field label="Priority" hint="1 is first" error={fieldError('priority')}>
              {(c) => <input {...c} inputmode="numeric" value={priority()} onInput={(e) => setPriority(e.currentTarget.value)} />}
            </Field>
          </div>
          <ErrorNotice error={added.error} />
          <button type="submit" disabled={added.fetching}>
            Add to plan
          </button>
        </form>
      </Show>
    </section>
  );
}
