import { createMutation, createQuery } from '@urql/solid';
import { createSignal, For } from 'solid-js';
import type { FacilityInfo } from '../../features/facilities.ts';
import { addDays, formatDateTime, withZone } from '../../lib/format.ts';
import { SCHEDULE_EXCEPTION_KIND } from '../../lib/labels/people.ts';
import { listsOf } from '../../lib/lists.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { ExceptionForm } from './ExceptionForm.tsx';
import { REMOVE_EXCEPTION, SCHEDULE_EXCEPTIONS, type ScheduleInfo } from './schedule-queries.ts';
import { TextInput } from './TextInput.tsx';

const WINDOW_DAYS = 90;

/** A facility's time off, holidays and extra sessions over the coming weeks, with removing and adding one. */
export function ScheduleExceptions(props: { facility: FacilityInfo; today: string; schedules: ScheduleInfo[] }) {
  const [from, setFrom] = createSignal(props.today);
  const start = () => (/^\d{4}-\d{2}-\d{2}$/.test(from()) ? from() : props.today);
  const [result] = createQuery({
    query: SCHEDULE_EXCEPTIONS,
    variables: () => ({ facilityId: props.facility.id, from: start(), to: addDays(start(), WINDOW_DAYS) }),
    context: listsOf('ScheduleException'),
  });
  const [removed, remove] = createMutation(REMOVE_EXCEPTION);
  const zone = () => props.facility.timezone;
  return (
    <section aria-labelledby="exceptions-title">
      <h2 id="exceptions-title">Time off, holidays and extra sessions</h2>
      <div class="toolbar">
        <TextInput label="Showing 90 days from" type="date" value={from()} onInput={setFrom} />
      </div>
      <ErrorNotice error={removed.error} />
      <Loaded result={result} isEmpty={(d) => !d.scheduleExceptions.length} empty="None in these 90 days.">
        {(data) => (
          <ScrollTable label="Time off, holidays and extra sessions">
            <table>
              <thead>
                <tr>
                  <th scope="col">What</th>
                  <th scope="col">Who</th>
                  <th scope="col">{withZone('From', zone())}</th>
                  <th scope="col">{withZone('Until', zone())}</th>
                  <th scope="col">Reason</th>
                  <th scope="col">Remove</th>
                </tr>
              </thead>
              <tbody>
                <For each={data().scheduleExceptions}>
                  {(x) => (
                    <tr>
                      <th scope="row">{SCHEDULE_EXCEPTION_KIND[x.kind]}</th>
                      <td>{x.provider?.displayName ?? 'Whole facility'}</td>
                      <td>{formatDateTime(x.startsAt, zone())}</td>
                      <td>{formatDateTime(x.endsAt, zone())}</td>
                      <td>{x.reason ?? ''}</td>
                      <td>
                        <button
                          type="button"
                          class="secondary"
                          aria-label={`Remove ${SCHEDULE_EXCEPTION_KIND[x.kind].toLowerCase()} from ${formatDateTime(x.startsAt, zone())}`}
                          disabled={removed.fetching}
                          onClick={() => remove({ id: x.id }, listsOf('ScheduleException'))}
                        >
                          Remove
                        </button>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </ScrollTable>
        )}
      </Loaded>
      <ExceptionForm facility={props.facility} today={props.today} schedules={props.schedules.filter((s) => s.facility.id === props.facility.id)} />
    </section>
  );
}
