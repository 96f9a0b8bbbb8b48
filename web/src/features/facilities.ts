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

/** A patient's home clinic (where they registered): what the portal offers them first. */
export const HOME_CLINIC = graphql(`
  query HomeClinic {
    me { patient { registeredFacility { id name timezone } } }
  }
`);

export type FacilityInfo = Present<ResultOf<typeof FACILITIES>>['facilities'][number];

/** The facilities to choose from (the staff member's own first, or a patient's home clinic) and the one chosen, with its local today. */
export function useFacilityChoice() {
  const { session } = useApp();
  const [result] = createQuery({ query: FACILITIES });
  const [home] = createQuery({ query: HOME_CLINIC, pause: () => !session.account()?.patientId });
  const [chosenId, setChosenId] = createSignal<string | null>(null);
  const facilities = createMemo(() => {
    const account = session.account();
    const registered = home.data?.me?.patient?.registeredFacility;
    const own = account?.facilities.length ? account.facilities : registered ? [registered] : [];
    const all = result.data?.facilities ?? [];
    return [...own, ...all.filter((f) => !own.some((o) => o.id === f.id))];
  });
  // A patient's first choice waits for their home clinic, so a form never starts at another clinic and then moves.
  const homeKnown = () => !session.account()?.patientId || home.data !== undefined || home.error !== undefined;
  const facility = () => (homeKnown() ? (facilities().find((f) => f.id === chosenId()) ?? facilities()[0] ?? null) : null);
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
