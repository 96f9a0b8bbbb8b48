import { gql } from '@urql/solid';
import { LAB_ORDER_FIELDS, type LabOrderInfo } from '../../features/labs/fields.ts';

export type { LabOrderInfo };

export interface NoteVersionInfo {
  version: number;
  editedAt: string;
  changeReason: string | null;
  sections: { key: string; text: string }[];
}

export interface NoteInfo {
  id: string;
  template: string;
  currentVersion: number;
  current: NoteVersionInfo;
  versions: NoteVersionInfo[];
}

export interface PrescriptionItemInfo {
  id: string;
  medicineName: string;
  dose: string;
  route: string;
  frequency: string;
  durationDays: number;
  quantity: number;
  dispensedQuantity: number;
}

export interface PrescriptionInfo {
  id: string;
  status: 'DRAFT' | 'FINALISED' | 'PARTLY_DISPENSED' | 'DISPENSED' | 'CANCELLED';
  createdAt: string;
  items: PrescriptionItemInfo[];
}

export interface EncounterInfo {
  id: string;
  status: 'OPEN' | 'IN_CONSULTATION' | 'CLOSED';
  chiefComplaint: string | null;
  openedAt: string;
  patient: {
    id: string;
    displayName: string;
    mrn: string;
    dateOfBirth: string;
    allergies: { id: string; substance: string; severity: string; reaction: string | null }[];
  };
  provider: { displayName: string };
  vitals: {
    id: string;
    recordedAt: string;
    systolic: number | null;
    diastolic: number | null;
    pulse: number | null;
    temperatureC: number | null;
    spo2: number | null;
  }[];
  notes: NoteInfo[];
  diagnoses: { id: string; code: string; description: string; kind: string }[];
  prescriptions: PrescriptionInfo[];
  labOrders: LabOrderInfo[];
}

export const PRESCRIPTION_FIELDS = `id status createdAt items { id medicineName dose route frequency durationDays quantity dispensedQuantity }`;
const VERSION = `version editedAt changeReason sections { key text }`;

export const ENCOUNTER = gql`
  query Encounter($id: ID!) {
    encounter(id: $id) {
      id status chiefComplaint openedAt
      patient { id displayName mrn dateOfBirth allergies { id substance severity reaction } }
      provider { displayName }
      vitals { id recordedAt systolic diastolic pulse temperatureC spo2 }
      notes { id template currentVersion current { ${VERSION} } versions { ${VERSION} } }
      diagnoses { id code description kind }
      prescriptions { ${PRESCRIPTION_FIELDS} }
      labOrders { ${LAB_ORDER_FIELDS} }
    }
  }
`;
