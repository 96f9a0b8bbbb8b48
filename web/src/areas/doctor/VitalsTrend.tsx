import { createQuery } from '@urql/solid';
import { createSignal, For } from 'solid-js';
import { useFacilityZone } from '../../features/facilities.ts';
import { graphql, type VariablesOf } from '../../lib/graphql.ts';
import { VITAL_MEASURE } from '../../lib/labels/clinical.ts';
import { Field } from '../../ui/Field.tsx';
import { LineChart } from '../../ui/LineChart.tsx';
import { Loaded } from '../../ui/Loaded.tsx';

export const VITALS_TREND = graphql(`
  query VitalsTrend($patientId: ID!, $measure: VitalMeasure!) {
    vitalsTrend(patientId: $patientId, measure: $measure, limit: 50) { at value }
  }
`);

/** The measures charted here (height is not a trend a clinician reads). */
type Measure = Exclude<VariablesOf<typeof VITALS_TREND>['measure'], 'HEIGHT_CM'>;

const MEASURES: Record<Measure, { unit: string; band?: { low: number; high: number } }> = {
  SYSTOLIC: { unit: 'mmHg', band: { low: 90, high: 140 } },
  DIASTOLIC: { unit: 'mmHg', band: { low: 60, high: 90 } },
  PULSE: { unit: 'bpm', band: { low: 60, high: 100 } },
  TEMPERATURE_C: { unit: '°C', band: { low: 36.1, high: 37.5 } },
  SPO2: { unit: '%', band: { low: 95, high: 100 } },
  RESPIRATORY_RATE: { unit: '/min', band: { low: 12, high: 20 } },
  WEIGHT_KG: { unit: 'kg' },
  BMI: { unit: 'kg/m²', band: { low: 18.5, high: 25 } },
  PAIN_SCORE: { unit: '/10' },
};

/** One vital sign over time as a chart, the usual range shaded. */
export function VitalsTrend(props: { patientId: string }) {
  const zone = useFacilityZone();
  const [measure, setMeasure] = createSignal<Measure>('SYSTOLIC');
  const [result] = createQuery({ query: VITALS_TREND, variables: () => ({ patientId: props.patientId, measure: measure() }) });
  return (
    <section aria-label="Vitals trend" class="card">
      <h2>Vitals trend</h2>
      <Field label="Measure">
        {(c) => (
          <select {...c} value={measure()} onChange={(e) => setMeasure(e.currentTarget.value as Measure)}>
            <For each={Object.keys(MEASURES) as Measure[]}>
              {(m) => (
                <option value={m} selected={m === measure()}>
                  {VITAL_MEASURE[m]}
                </option>
              )}
            </For>
          </select>
        )}
      </Field>
      <Loaded result={result}>
        {(data) => (
          <LineChart
            title={`${VITAL_MEASURE[measure()]} (${MEASURES[measure()].unit})`}
            unit={MEASURES[measure()].unit}
            points={data().vitalsTrend}
            band={MEASURES[measure()].band}
            timeZone={zone()}
          />
        )}
      </Loaded>
    </section>
  );
}
