import { createQuery, gql } from '@urql/solid';

export interface LocationInfo {
  id: string;
  code: string;
  name: string;
  kind: 'PHARMACY' | 'WARD_CABINET' | 'LAB' | 'STORE';
}

export const LOCATIONS = gql`
  query Locations($facilityId: ID!) {
    locations(facilityId: $facilityId) { id code name kind }
  }
`;

/** The stock locations of a facility. */
export function useLocations(facilityId: () => string | undefined) {
  const [result] = createQuery<{ locations: LocationInfo[] }>({
    query: LOCATIONS,
    variables: () => ({ facilityId: facilityId() ?? '' }),
    pause: () => !facilityId(),
  });
  return () => result.data?.locations ?? [];
}
