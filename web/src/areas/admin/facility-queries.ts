import { graphql, type ResultOf } from '../../lib/graphql.ts';

/** A facility as the facilities page shows and edits it. */
export const FACILITY_FIELDS = graphql(`
  fragment FacilityRow on Facility {
    id code name timezone address phone
    departments { id name }
  }
`);

export type FacilityRow = ResultOf<typeof FACILITY_FIELDS>;

export const ADMIN_FACILITIES = graphql(
  `
  query AdminFacilities {
    facilities { ...FacilityRow }
  }
`,
  [FACILITY_FIELDS],
);

export const CREATE_FACILITY = graphql(
  `
  mutation CreateFacility($input: CreateFacilityInput!) {
    createFacility(input: $input) { ...FacilityRow }
  }
`,
  [FACILITY_FIELDS],
);

export const UPDATE_FACILITY = graphql(
  `
  mutation UpdateFacility($id: ID!, $input: UpdateFacilityInput!) {
    updateFacility(id: $id, input: $input) { ...FacilityRow }
  }
`,
  [FACILITY_FIELDS],
);

/** Scheduling keeps its own copy of a facility's zone: slots and exceptions are computed in it. */
export const SET_SCHEDULING_ZONE = graphql(`
  mutation SetFacilityTimezone($facilityId: ID!, $timezone: String!) {
    setFacilityTimezone(facilityId: $facilityId, timezone: $timezone) { timezone }
  }
`);

/** Finance's service-date zone, currency and tax number of a facility (the number omitted keeps the current one). */
export const SET_BILLING_FACILITY = graphql(`
  mutation SetBillingFacility($facilityId: ID!, $timeZone: String!, $currency: String!, $taxNumber: String) {
    setBillingFacility(facilityId: $facilityId, timeZone: $timeZone, currency: $currency, taxNumber: $taxNumber) { timeZone currency taxNumber }
  }
`);

export const CREATE_DEPARTMENT = graphql(`
  mutation CreateDepartment($input: CreateDepartmentInput!) {
    createDepartment(input: $input) { id name facility { id } }
  }
`);

export const UPDATE_DEPARTMENT = graphql(`
  mutation UpdateDepartment($id: ID!, $input: UpdateDepartmentInput!) {
    updateDepartment(id: $id, input: $input) { id name facility { id } }
  }
`);
