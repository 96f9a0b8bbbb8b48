/**
 * Event topics that cross subgraphs: the contract between the subgraph that emits an event (with
 * kit emitEvent) and those that consume it (kit EventConsumer) or push it live (gateway).
 * Emitters put the ids in the event row's columns and the rest in `payload` as typed here.
 */
export const Topics = {
  /** A facility was created or changed (its time zone among others). people → supply (the daily expiry check's local day). */
  facilityChanged: 'facility.changed',
  /** An admin merged a duplicate patient record into the one kept. people → care, scheduling, supply, finance (re-point their rows). */
  patientMerged: 'patient.merged',
  /** Any change of an appointment (booked, moved, state change). scheduling → gateway live, finance. */
  appointmentChanged: 'appointment.changed',
  /** A patient checked in. scheduling → care (opens the encounter). */
  appointmentCheckedIn: 'appointment.checked_in',
  /** An appointment reached `completed`. scheduling → finance (consultation charge). */
  appointmentCompleted: 'appointment.completed',
  /** The day's queue of a provider changed. scheduling → gateway live. */
  queueChanged: 'queue.changed',
  /** A balance changed. supply → gateway live. */
  stockChanged: 'stock.changed',
  /** Stock left the shelf against a prescription or to a patient. supply → care (prescription status), finance (charge). */
  stockDispensed: 'stock.dispensed',
  stockLow: 'stock.low',
  stockExpiring: 'stock.expiring',
  /** A prescription was finalised. care → supply (dispense queue), gateway live. */
  prescriptionFinalised: 'prescription.finalised',
  /** A lab order's results were released. care → finance (lab charge), gateway live. */
  labOrderReleased: 'lab_order.released',
  /** A lab order was placed, moved along its workflow, or had a result entered. care → gateway live (lab worklist). */
  labOrderChanged: 'lab_order.changed',
  /** A critical lab value, raised when the lab verifies its order (not on entry: an unverified value may be an entry error). care → gateway live (ordering doctor). */
  labResultCritical: 'lab_result.critical',
  /** Encounter opened / closed. care → gateway live, scheduling (closing completes the appointment), finance (encounter link; a closed walk-in is charged). */
  encounterChanged: 'encounter.changed',
  invoiceChanged: 'invoice.changed',
  paymentRecorded: 'payment.recorded',
  /** Sign-in sessions ended (sign-out, deactivation, password change, ended from the sessions list). people → gateway (closes their websockets). */
  sessionEnded: 'session.ended',
} as const;

export type Topic = (typeof Topics)[keyof typeof Topics];

/** Payload of session.ended (entityId = the account's id). */
export interface SessionEndedPayload {
  sessionIds: string[];
  reason: string;
}

/** Payload of facility.changed (entityId = facilityId = the facility's id). */
export interface FacilityChangedPayload {
  /** Its IANA time zone. */
  timezone: string;
}

/** Payload of patient.merged (entityId = the merged record's id; patientId = the survivor's id). */
export interface PatientMergedPayload {
  survivorId: string;
  mergedId: string;
}

/** Payload of appointment.* events (entityId = appointment id; patientId, providerId, facilityId set on the row). */
export interface AppointmentEventPayload {
  status: string;
  /** The reason for the visit given at booking; care opens the encounter with it as the chief complaint. */
  reason: string | null;
  previousStatus: string | null;
  appointmentTypeId: string;
  startsAt: string;
  endsAt: string;
}

/** Payload of stock.dispensed (entityId = the dispense id; patientId on the row: the patient it was given to). */
export interface StockDispensedPayload {
  prescriptionId: string | null;
  /** The visit: for a prescription, care's encounter of it (never the client's word), so finance can put the charge on its invoice. */
  encounterId?: string | null;
  lines: { itemId: string; prescriptionItemId?: string | null; quantity: number; lotIds: string[] }[];
}

/** Payload of lab_order.released (entityId = lab order id). */
export interface LabOrderReleasedPayload {
  tests: { code: string; name: string }[];
}

/** Payload of encounter.changed (entityId = encounter id). A closed encounter may carry a follow-up scheduling can book. */
export interface EncounterChangedPayload {
  status: 'open' | 'in_consultation' | 'closed';
  previousStatus: 'open' | 'in_consultation' | 'closed' | null;
  origin: 'appointment' | 'walk_in';
  appointmentId: string | null;
  followUp: { recommendedOn: string; reason: string | null; providerId: string } | null;
}

/** Payload of prescription.finalised (entityId = prescription id). */
export interface PrescriptionFinalisedPayload {
  validUntil: string;
  items: { prescriptionItemId: string; itemId: string; genericName: string; quantity: number }[];
}

/** Payload of lab_order.changed (entityId = lab order id; providerId = the ordering doctor). `previousStatus` equals `status` when a result was entered without a change of state. */
export interface LabOrderChangedPayload {
  status: 'ordered' | 'collected' | 'received' | 'resulted' | 'verified' | 'released' | 'cancelled';
  previousStatus: LabOrderChangedPayload['status'] | null;
}

/** Payload of lab_result.critical (entityId = lab result id, the version verified; providerId = the ordering doctor). */
export interface LabResultCriticalPayload {
  orderId: string;
  orderItemId: string;
  testCode: string;
  testName: string;
  value: number;
  unit: string | null;
  flag: 'critical_low' | 'critical_high';
  version: number;
}
