import { graphql, type ResultOf } from '../../lib/graphql.ts';

export const EQUIPMENT = graphql(`
  query Equipment($facilityId: ID!) {
    equipment(facilityId: $facilityId) {
      id serialNumber status maintenanceIntervalDays lastMaintainedOn nextMaintenanceDue
      item { name } location { name } maintenanceLog { id performedOn kind notes }
    }
  }
`);

export type EquipmentInfo = ResultOf<typeof EQUIPMENT>['equipment'][number];

export const LOG_MAINTENANCE = graphql(`
  mutation LogMaintenance($input: LogMaintenanceInput!) {
    logMaintenance(input: $input) { id performedOn kind notes nextDueOn }
  }
`);
