import { createQuery } from '@urql/solid';
import { graphql, type ResultOf } from '../../lib/graphql.ts';

export const LOCATIONS = graphql(`
  query Locations($facilityId: ID!) {
    locations(facilityId: $facilityId) { id code name kind }
  }
`);

export type LocationInfo = ResultOf<typeof LOCATIONS>['locations'][number];

/** The stock locations of a facility. */
export function useLocations(facilityId: () => string | undefined) {
  const [result] = createQuery({
    query: LOCATIONS,
    variables: () => ({ facilityId: facilityId() ?? '' }),
    pause: () => !facilityId(),
  });
  return () => result.data?.locations ?? [];
}
