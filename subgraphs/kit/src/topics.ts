/**
 * Event topics that cross subgraphs: the contract between the subgraph that emits an event (with
 * kit emitEvent) and those that consume it (kit EventConsumer) or push it live (gateway).
 * Emitters put the ids in the event row's columns and the rest in `payload` as typed here.
 */
export const Topics = {
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
  /** A critical lab result. care → gateway live (ordering doctor). */
  labResultCritical: 'lab_result.critical',
  /** Encounter opened / closed. care → gateway live, finance. */
  encounterChanged: 'encounter.changed',
  invoiceChanged: 'invoice.changed',
  paymentRecorded: 'payment.recorded',
} as const;

export type Topic = (typeof Topics)[keyof typeof Topics];

/** Payload of appointment.* events (entityId = appointment id; patientId, providerId, facilityId set on the row). */
export interface AppointmentEventPayload {
  status: string;
  previousStatus: string | null;
  appointmentTypeId: string;
  startsAt: string;
  endsAt: string;
}

/** Payload of stock.dispensed (entityId = the dispense id). */
export interface StockDispensedPayload {
  prescriptionId: string | null;
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

/** Payload of lab_result.critical (entityId = lab result id; providerId = the ordering doctor). */
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
