import { createQuery } from '@urql/solid';
import { createSignal, For, Show } from 'solid-js';
import { useFacilityChoice } from '../../features/facilities.ts';
import { formatDayOf } from '../../lib/format.ts';
import { DENTAL_FINDING } from '../../lib/labels/clinical.ts';
import { Available } from '../../ui/Available.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { DENTAL_CHART, DENTAL_TYPENAMES, type DentalChartInfo, FDI_ROWS } from './dental-queries.ts';
import { ToothFindingForm } from './ToothFindingForm.tsx';
import { TreatmentPlan } from './TreatmentPlan.tsx';

type Tooth = DentalChartInfo['teeth'][number];

/** One tooth of the grid: its number and latest finding; choosing it shows its history and fills the form. */
function ToothButton(props: { tooth: number; record?: Tooth; selected: boolean; onSelect: () => void }) {
  const latest = () => props.record?.findings.at(-1);
  return (
    <button
      type="button"
      class="tooth"
      classList={{ found: !!latest(), selected: props.selected }}
      aria-pressed={props.selected}
      aria-label={`Tooth ${props.tooth}: ${latest() ? DENTAL_FINDING[latest()!.finding] : 'no findings'}`}
      onClick={() => props.onSelect()}
    >
      <span class="tooth-number">{props.tooth}</span> <small>{latest() ? DENTAL_FINDING[latest()!.finding] : ''}</small>
    </button>
  );
}

/**
 * The FDI dental chart: the 32 permanent teeth with their latest finding, any primary teeth recorded,
 * the chosen tooth's history, recording a finding (while the encounter is open) and the treatment plan.
 */
export function DentalChart(props: { patientId: string; encounterId?: string; editable?: boolean; collapsible?: boolean }) {
  const [shown, setShown] = createSignal(!props.collapsible);
  const [result] = createQuery({ query: DENTAL_CHART, variables: () => ({ id: props.patientId }), pause: () => !shown(), context: DENTAL_TYPENAMES });
  const [selected, setSelected] = createSignal<number | null>(null);
  const canEdit = () => !!props.encounterId && !!props.editable;
  const place = useFacilityChoice();
  const zone = () => place.facility()?.timezone;
  return (
    <section class="card" aria-label="Dental chart">
      <h2>Dental chart</h2>
      <Show when={props.collapsible}>
        <button type="button" class="secondary" aria-expanded={shown()} onClick={() => setShown(!shown())}>
          {shown() ? 'Hide the dental chart' : 'Show the dental chart'}
        </button>
      </Show>
      <Show when={shown()}>
        <Loaded result={result}>
          {(data) => (
            <Available value={data().patient.dentalChart} what="The dental chart is">
              {(chart) => {
                const record = (tooth: number) => chart().teeth.find((t) => t.tooth === tooth);
                const primary = () => chart().teeth.filter((t) => t.tooth >= 51);
                const chosen = () => (selected() === null ? undefined : record(selected()!));
                return (
                  <>
                    <p class="muted">FDI numbering as you face the patient: upper jaw above, lower jaw below, the patient's right on your left.</p>
                    <div class="tooth-grid">
                      <For each={FDI_ROWS}>
                        {(row) => (
                          <fieldset class="tooth-row">
                            <legend class="visually-hidden">{row.label}</legend>
                            <For each={[...row.right, ...row.left]}>
                              {(tooth) => (
                                <ToothButton tooth={tooth} record={record(tooth)} selected={selected() === tooth} onSelect={() => setSelected(tooth)} />
                              )}
                            </For>
                          </fieldset>
                        )}
                      </For>
                    </div>
                    <Show when={primary().length}>
                      <p>
                        Primary teeth:{' '}
                        {primary()
                          .map((t) => `${t.tooth} ${DENTAL_FINDING[t.findings.at(-1)!.finding]}`)
                          .join(', ')}
                      </p>
                    </Show>
                    <Show when={selected()}>
                      {(tooth) => (
                        <section aria-label={`Tooth ${tooth()} history`}>
                          <h3>Tooth {tooth()}</h3>
                          <ul>
                            <For each={chosen()?.findings ?? []} fallback={<li class="empty">No findings on this tooth.</li>}>
                              {(f) => (
                                <li>
                                  {formatDayOf(f.recordedAt, zone())} · {DENTAL_FINDING[f.finding]}
                                  {f.surfaces.length ? ` (${f.surfaces.join('')})` : ''}
                                  {f.note ? ` · ${f.note}` : ''}
                                </li>
                              )}
                            </For>
                          </ul>
                        </section>
                      )}
                    </Show>
                    <Show when={canEdit()}>
                      <ToothFindingForm encounterId={props.encounterId!} tooth={selected()} />
                    </Show>
                    <TreatmentPlan plan={chart().plan} encounterId={props.encounterId} editable={canEdit()} timeZone={zone()} />
                  </>
                );
              }}
            </Available>
          )}
        </Loaded>
      </Show>
    </section>
  );
}
