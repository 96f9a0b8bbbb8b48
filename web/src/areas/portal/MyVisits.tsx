import { createQuery } from '@urql/solid';
import { For, Show } from 'solid-js';
import { useApp } from '../../lib/app-context.ts';
import { formatDate, formatDayOf, zoneLabel } from '../../lib/format.ts';
import type { ResultOf } from '../../lib/graphql.ts';
import { DIAGNOSIS_KIND } from '../../lib/labels/clinical.ts';
import { nameOr, type Present, UNAVAILABLE } from '../../lib/unavailable.ts';
import { Available } from '../../ui/Available.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { MY_VISITS } from './health-queries.ts';

type Visit = NonNullable<Present<ResultOf<typeof MY_VISITS>>['patient']['encounters']>[number];

/** The patient's past visits: when, with whom, what was found, what was prescribed, and when to come back. */
export function MyVisits() {
  const { session } = useApp();
  const [result] = createQuery({ query: MY_VISITS, variables: () => ({ id: session.account()?.patientId ?? '' }) });
  const closed = (d: Present<ResultOf<typeof MY_VISITS>>) => d.patient.encounters?.filter((e) => e.status === 'CLOSED');
  return (
    <section class="page" aria-labelledby="visits-title">
      <h1 id="visits-title">My visits</h1>
      <Loaded result={result} isEmpty={(d) => closed(d)?.length === 0} empty="No past visits yet.">
        {(data) => (
          <Available value={closed(data())} what="Your visits are">
            {(visits) => (
              <ul class="cards">
                <For each={visits()}>{(visit) => <VisitCard visit={visit} />}</For>
              </ul>
            )}
          </Available>
        )}
      </Loaded>
    </section>
  );
}

function VisitCard(props: { visit: Visit }) {
  const zone = () => props.visit.facility?.timezone;
  const medicines = () => props.visit.prescriptions.filter((p) => p.status !== 'DRAFT' && p.status !== 'CANCELLED').flatMap((p) => p.items);
  return (
    <li class="card">
      <h2>
        {formatDayOf(props.visit.closedAt ?? props.visit.openedAt, zone())} <small>{zoneLabel(zone())}</small>
      </h2>
      <p class="muted">
        {nameOr(props.visit.provider, 'Provider')} · {props.visit.facility?.name ?? `Facility ${UNAVAILABLE}`}
        {props.visit.chiefComplaint ? ` · ${props.visit.chiefComplaint}` : ''}
      </p>
      <h3>Diagnoses</h3>
      <ul>
        <For each={props.visit.diagnoses} fallback={<li class="empty">None recorded.</li>}>
          {(d) => (
            <li>
              {d.description}{' '}
              <small>
                ({d.code}, {DIAGNOSIS_KIND[d.kind]})
              </small>
            </li>
          )}
        </For>
      </ul>
      <Show when={medicines().length}>
        <h3>Medicines</h3>
        <ul>
          <For each={medicines()}>
            {(i) => (
              <li>
                {i.medicineName}: {i.dose}, {i.frequency}, {i.durationDays} days
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={props.visit.followUp}>
        {(f) => (
          <p>
            <strong>Come back around {formatDate(f().recommendedOn)}</strong>
            {f().reason ? ` — ${f().reason}` : ''}
          </p>
        )}
      </Show>
    </li>
  );
}
