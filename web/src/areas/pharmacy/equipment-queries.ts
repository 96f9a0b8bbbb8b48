import { graphql, type ResultOf } from '../../lib/graphql.ts';
import { listsOf } from '../../lib/lists.ts';
import type { Present } from '../../lib/unavailable.ts';

export const EQUIPMENT = graphql(`
  query Equipment($facilityId: ID!) {
    equipment(facilityId: $facilityId) {
      id serialNumber status maintenanceIntervalDays lastMaintainedOn nextMaintenanceDue
      item { name } location { id name } maintenanceLog { id performedOn kind notes }
    }
  }
`);

export type EquipmentInfo = Present<ResultOf<typeof EQUIPMENT>>['equipment'][number];

export const LOG_MAINTENANCE = graphql(`
  mutation LogMaintenance($input: LogMaintenanceInput!) {
    logMaintenance(input: $input) { id performedOn kind notes nextDueOn }
  }
`);

/** Equipment lists a write to equipment or its log must refresh, even while they are empty. */
export const EQUIPMENT_LISTS = listsOf('Equipment', 'MaintenanceRecord');

export const MAINTENANCE_DUE = graphql(`
  query MaintenanceDue($facilityId: ID!, $withinDays: Int) {
    maintenanceDue(facilityId: $facilityId, withinDays: $withinDays) {
      id serialNumber nextMaintenanceDue item { name } location { name }
    }
  }
`);

export const REGISTER_EQUIPMENT = graphql(`
  mutation RegisterEquipment($input: RegisterEquipmentInput!) {
    registerEquipment(input: $input) { id serialNumber status nextMaintenanceDue }
  }
`);

export const UPDATE_EQUIPMENT = graphql(`
  mutation UpdateEquipment($input: UpdateEquipmentInput!) {
    updateEquipment(input: $input) { id status maintenanceIntervalDays nextMaintenanceDue location { id name } }
  }
`);

/** The API's bounds for a maintenance interval. */
export const INTERVAL_DAYS = { min: 1, max: 3650 };
