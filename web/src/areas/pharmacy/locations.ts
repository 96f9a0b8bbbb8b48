import { createQuery } from '@urql/solid';
import { graphql, type ResultOf } from '../../lib/graphql.ts';
import type { Present } from '../../lib/unavailable.ts';

export const LOCATIONS = graphql(`
  query Locations($facilityId: ID!) {
    locations(facilityId: $facilityId) { id code name kind }
  }
`);

export type LocationInfo = Present<ResultOf<typeof LOCATIONS>>['locations'][number];

/** The stock locations of a facility. */
export function useLocations(facilityId: () => string | undefined) {
  const [result] = createQuery({
    query: LOCATIONS,
    variables: () => ({ facilityId: facilityId() ?? '' }),
    pause: () => !facilityId(),
  });
  return () => result.data?.locations ?? [];
}
