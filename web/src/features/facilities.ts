import { createQuery, gql } from '@urql/solid';
import { createMemo, createSignal } from 'solid-js';
import { useApp } from '../lib/app-context.ts';
import { localDate } from '../lib/format.ts';

export interface FacilityInfo {
  id: string;
  name: string;
  timezone: string;
}

export const FACILITIES = gql`
  query Facilities {
    facilities { id name timezone }
  }
`;

/** The facilities to choose from (the staff member's own first) and the one chosen, with its local today. */
export function useFacilityChoice() {
  const { session } = useApp();
  const [result] = createQuery<{ facilities: FacilityInfo[] }>({ query: FACILITIES });
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
