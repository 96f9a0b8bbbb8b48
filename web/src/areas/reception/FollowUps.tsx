import { A } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { createSignal, For, Show } from 'solid-js';
import { FacilitySelect } from '../../features/FacilitySelect.tsx';
import { useFacilityChoice } from '../../features/facilities.ts';
import { addDays, formatDate } from '../../lib/format.ts';
import { listsOf } from '../../lib/lists.ts';
import { nameOr } from '../../lib/unavailable.ts';
import { Field } from '../../ui/Field.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { FOLLOW_UPS, MAX_RANGE_DAYS } from './follow-up-queries.ts';

/** Follow-ups doctors recommended when closing a visit, due in a range of days: what reception books. */
export function FollowUps() {
  const place = useFacilityChoice();
  const [from, setFrom] = createSignal(place.today());
  const [to, setTo] = createSignal(addDays(place.today(), 13));
  const valid = () => /^\d{4}-\d{2}-\d{2}$/.test(from()) && /^\d{4}-\d{2}-\d{2}$/.test(to()) && from() <= to() && to() <= addDays(from(), MAX_RANGE_DAYS);
  const [result] = createQuery({
    query: FOLLOW_UPS,
    variables: () => ({ from: from(), to: to() }),
    pause: () => !valid(),
    context: listsOf('Encounter'),
  });
  const here = () => (result.data?.followUpRecommendations ?? []).filter((e) => e.facility?.id === place.facility()?.id && e.followUp);
  return (
    <section class="page" aria-labelledby="follow-ups-title">
      <h1 id="follow-ups-title">Follow-ups to book</h1>
      <FacilitySelect facilities={place.facilities()} value={place.facility()?.id} onChange={place.choose} />
      <div class="row">
        <Field label="Due from">
          {(c) => <input {...c} type="date" value={from()} onInput={(e) => e.currentTarget.value && setFrom(e.currentTarget.value)} />}
        </Field>
        <Field label="Due until" error={valid() ? null : `Choose an end on or after the start, at most ${MAX_RANGE_DAYS} days later.`}>
          {(c) => (
            <input
              {...c}
              type="date"
              min={from()}
              max={addDays(from(), MAX_RANGE_DAYS)}
              value={to()}
              onInput={(e) => e.currentTarget.value && setTo(e.currentTarget.value)}
            />
          )}
        </Field>
      </div>
      <Loaded result={result} isEmpty={() => !here().length} empty="No follow-ups due in these days.">
        {() => (
          <ScrollTable label="Recommended follow-ups">
            <table>
              <caption class="visually-hidden">Recommended follow-ups</caption>
              <thead>
                <tr>
                  <th scope="col">Due</th>
                  <th scope="col">Patient</th>
                  <th scope="col">With</th>
                  <th scope="col">Why</th>
                  <th scope="col">
                    <span class="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={here()}>
                  {(e) => (
                    <tr>
                      <td>{formatDate(e.followUp!.recommendedOn)}</td>
                      <th scope="row">
                        {nameOr(e.patient, 'Patient')} <small>{e.patient?.mrn}</small>
                        {e.patient?.phone ? <small> · {e.patient.phone}</small> : null}
                      </th>
                      <td>{e.followUp!.provider.displayName}</td>
                      <td>{e.followUp!.reason ?? '—'}</td>
                      <td>
                        <Show when={e.patient}>
                          {(patient) => (
                            <A href={`/reception/book?patient=${patient().id}`} aria-label={`Book ${patient().displayName}`}>
                              Book
                            </A>
                          )}
                        </Show>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </ScrollTable>
        )}
      </Loaded>
    </section>
  );
}
