import { createQuery } from '@urql/solid';
import { createMemo, createSignal } from 'solid-js';
import { useApp } from '../lib/app-context.ts';
import { localDate } from '../lib/format.ts';
import { graphql, type ResultOf } from '../lib/graphql.ts';

export const FACILITIES = graphql(`
  query Facilities {
    facilities { id name timezone }
  }
`);

export type FacilityInfo = ResultOf<typeof FACILITIES>['facilities'][number];

/** The facilities to choose from (the staff member's own first) and the one chosen, with its local today. */
export function useFacilityChoice() {
  const { session } = useApp();
  const [result] = createQuery({ query: FACILITIES });
  const [chosenId, setChosenId] = createSignal<string | null>(null);
  const facilities = createMemo(() => {
    const own = session.account()?.facilities ?? [];
    const all = result.data?.facilities ?? [];
    return [...own, ...all.filter((f) => !own.some((o) => o.id === f.id))];
  });
  const facility = () => facilities().find((f) => f.id === chosenId()) ?? facilities()[0] ?? null;
  return {
    facilities,
    facility,
    choose: setChosenId,
    today: () => localDate(new Date(), facility()?.timezone),
  };
}
