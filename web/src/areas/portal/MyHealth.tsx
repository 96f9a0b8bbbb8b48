import { createQuery } from '@urql/solid';
import { For, Show } from 'solid-js';
import { useFacilityZone } from '../../features/facilities.ts';
import { useApp } from '../../lib/app-context.ts';
import { formatDate, formatZonedDateTime, localDate } from '../../lib/format.ts';
import type { ResultOf } from '../../lib/graphql.ts';
import { ALLERGY_SEVERITY } from '../../lib/labels/clinical.ts';
import { BLOOD_GROUP } from '../../lib/labels/people.ts';
import type { Present } from '../../lib/unavailable.ts';
import { Available } from '../../ui/Available.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { MY_HEALTH } from './health-queries.ts';
import { RecordDownload } from './RecordDownload.tsx';

type Health = Present<ResultOf<typeof MY_HEALTH>>['patient'];

/** A finalised course, dispensed or not. */
const ACTIVE = new Set(['FINALISED', 'PARTLY_DISPENSED', 'DISPENSED']);
const DAY_MS = 86_400_000;

type Prescription = NonNullable<Health['prescriptions']>[number];
type Item = Prescription['items'][number];
/** A medicine is current while its course lasts: from finalising, for its days (the prescription's validity only bounds dispensing). */
const courseEnd = (rx: Prescription, item: Item): number => (rx.finalisedAt ? Date.parse(rx.finalisedAt) + item.durationDays * DAY_MS : 0);

/** The patient's health at a glance: allergies, conditions, current medicines, last measurements, and their whole record to download. */
export function MyHealth() {
  const { session } = useApp();
  const [result] = createQuery({ query: MY_HEALTH, variables: () => ({ id: session.account()?.patientId ?? '' }) });
  return (
    <section class="page" aria-labelledby="health-title">
      <h1 id="health-title">My health summary</h1>
      <Loaded result={result}>{(data) => <Summary patient={data().patient} />}</Loaded>
      <RecordDownload />
    </section>
  );
}

function Summary(props: { patient: Health }) {
  const zone = useFacilityZone();
  const p = () => props.patient;
  const now = Date.now();
  const medicines = () =>
    p()
      .prescriptions?.filter((rx) => ACTIVE.has(rx.status))
      .flatMap((rx) => rx.items.filter((item) => courseEnd(rx, item) >= now).map((item) => ({ rx, item })));
  const problems = () =>
    p()
      .diagnosisHistory?.filter((d, i, all) => all.findIndex((x) => x.code === d.code) === i)
      .slice(0, 10);
  return (
    <div class="cards">
      <section class="card" aria-labelledby="allergies-title">
        <h2 id="allergies-title">Allergies</h2>
        <ul>
          <For each={p().allergies} fallback={<li class="empty">No known allergies recorded.</li>}>
            {(a) => (
              <li>
                <strong>{a.substance}</strong> — {ALLERGY_SEVERITY[a.severity]}
                {a.reaction ? ` (${a.reaction})` : ''}
              </li>
            )}
          </For>
        </ul>
      </section>
      <section class="card" aria-labelledby="conditions-title">
        <h2 id="conditions-title">Conditions</h2>
        <ul>
          <For each={p().chronicConditions} fallback={<li class="empty">No long-term conditions recorded.</li>}>
            {(c) => <li>{c}</li>}
          </For>
        </ul>
        <Available value={problems()} what="Recent diagnoses are">
          {(recent) => (
            <Show when={recent().length}>
              <h3>Recent diagnoses</h3>
              <ul>
                <For each={recent()}>{(d) => <li>{d.description}</li>}</For>
              </ul>
            </Show>
          )}
        </Available>
        <Show when={p().bloodGroup}>{(b) => <p>Blood group: {BLOOD_GROUP[b()]}</p>}</Show>
      </section>
      <section class="card" aria-labelledby="medicines-title">
        <h2 id="medicines-title">Current medicines</h2>
        <Available value={medicines()} what="Your medicines are">
          {(current) => (
            <ul>
              <For each={current()} fallback={<li class="empty">No current medicines.</li>}>
                {({ rx, item }) => (
                  <li>
                    {item.medicineName}: {item.dose}, {item.frequency} <small>(until {formatDate(localDate(new Date(courseEnd(rx, item)), zone()))})</small>
                  </li>
                )}
              </For>
            </ul>
          )}
        </Available>
      </section>
      <section class="card" aria-labelledby="vitals-title">
        <h2 id="vitals-title">Last measurements</h2>
        <Available value={p().vitals} what="Your measurements are">
          {(vitals) => (
            <Show when={vitals()[0]} fallback={<p class="empty">None recorded yet.</p>}>
              {(v) => (
                <>
                  <p class="muted">{formatZonedDateTime(v().recordedAt, zone())}</p>
                  <ul>
                    <Show when={v().systolic && v().diastolic}>
                      <li>
                        Blood pressure {v().systolic}/{v().diastolic} mmHg
                      </li>
                    </Show>
                    <Show when={v().pulse}>{(n) => <li>Pulse {n()} /min</li>}</Show>
                    <Show when={v().temperatureC}>{(t) => <li>Temperature {t()} °C</li>}</Show>
                    <Show when={v().spo2}>{(s) => <li>Oxygen saturation {s()} %</li>}</Show>
                    <Show when={v().weightKg}>{(w) => <li>Weight {w()} kg</li>}</Show>
                    <Show when={v().bmi}>{(b) => <li>BMI {b().toFixed(1)}</li>}</Show>
                  </ul>
                </>
              )}
            </Show>
          )}
        </Available>
      </section>
    </div>
  );
}
