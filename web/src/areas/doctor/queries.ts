import { LAB_ORDER_FIELDS } from '../../features/labs/fields.ts';
import { graphql, type ResultOf } from '../../lib/graphql.ts';
import type { Present } from '../../lib/unavailable.ts';

/** A prescription and its lines, as the chart and the prescribing form show it. */
export const PRESCRIPTION_FIELDS = graphql(`
  fragment PrescriptionFields on Prescription {
    id status createdAt items { id medicineName dose route frequency durationDays quantity dispensedQuantity }
  }
`);

/** One version of a note's text. */
export const NOTE_VERSION_FIELDS = graphql(`
  fragment NoteVersionFields on NoteVersion {
    version editedAt changeReason sections { key title text }
  }
`);

/** A note with its current text and every version. */
export const NOTE_FIELDS = graphql(
  `
  fragment NoteFields on Note {
    id template currentVersion current { ...NoteVersionFields } versions { ...NoteVersionFields }
  }
`,
  [NOTE_VERSION_FIELDS],
);

export type NoteInfo = ResultOf<typeof NOTE_FIELDS>;

export const ENCOUNTER = graphql(
  `
  query Encounter($id: ID!) {
    encounter(id: $id) {
      id status chiefComplaint openedAt
      facility { id timezone }
      patient { id displayName mrn dateOfBirth allergies { id substance severity reaction } }
      provider { displayName }
      vitals { id recordedAt systolic diastolic pulse temperatureC spo2 }
      notes { ...NoteFields }
      diagnoses { id code description kind }
      prescriptions { ...PrescriptionFields }
      labOrders { ...LabOrderFields }
    }
  }
`,
  [NOTE_FIELDS, PRESCRIPTION_FIELDS, LAB_ORDER_FIELDS],
);

export type EncounterInfo = Present<ResultOf<typeof ENCOUNTER>>['encounter'];
