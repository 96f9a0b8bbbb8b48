import { createQuery } from '@urql/solid';
import { createMemo, createSignal } from 'solid-js';
import { useApp } from '../lib/app-context.ts';
import { localDate } from '../lib/format.ts';
import { graphql, type ResultOf } from '../lib/graphql.ts';
import type { Present } from '../lib/unavailable.ts';

export const FACILITIES = graphql(`
  query Facilities {
    facilities { id name timezone }
  }
`);

export type FacilityInfo = Present<ResultOf<typeof FACILITIES>>['facilities'][number];

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

/**
 * The time zone a screen without a facility of its own shows times in: the person's facility (the first
 * they work at), else the clinic's first.
 */
export function useFacilityZone(): () => string | undefined {
  const place = useFacilityChoice();
  return () => place.facility()?.timezone;
}
