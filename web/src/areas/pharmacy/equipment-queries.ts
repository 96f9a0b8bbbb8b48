import { gql } from '@urql/solid';

export interface EquipmentInfo {
  id: string;
  serialNumber: string;
  status: string;
  maintenanceIntervalDays: number | null;
  lastMaintainedOn: string | null;
  nextMaintenanceDue: string | null;
  item: { name: string };
  location: { name: string };
  maintenanceLog: { id: string; performedOn: string; kind: string; notes: string | null }[];
}

const EQUIPMENT_FIELDS = `id serialNumber status maintenanceIntervalDays lastMaintainedOn nextMaintenanceDue
  item { name } location { name } maintenanceLog { id performedOn kind notes }`;

export const EQUIPMENT = gql`
  query Equipment($facilityId: ID!) {
    equipment(facilityId: $facilityId) { ${EQUIPMENT_FIELDS} }
  }
`;

export const LOG_MAINTENANCE = gql`
  mutation LogMaintenance($input: LogMaintenanceInput!) {
    logMaintenance(input: $input) { id performedOn kind notes nextDueOn }
  }
`;
