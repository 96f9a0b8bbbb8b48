import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at, care, createdAt, id, updatedAt } from './care.ts';
import { encounter } from './encounter.ts';

export const prescriptionStatusEnum = care.enum('prescription_status', ['draft', 'finalised', 'partly_dispensed', 'dispensed', 'cancelled']);
export const routeEnum = care.enum('medication_route', [
  'oral',
  'sublingual',
  'topical',
  'inhaled',
  'intravenous',
  'intramuscular',
  'subcutaneous',
  'rectal',
  'ophthalmic',
  'otic',
  'nasal',
]);

export const prescription = care.table(
  'prescription',
  {
    id: id(),
    encounterId: uuid('encounter_id')
      .notNull()
      .references(() => encounter.id),
    patientId: uuid('patient_id').notNull(),
    prescriberId: uuid('prescriber_id').notNull(),
    facilityId: uuid('facility_id').notNull(),
    status: prescriptionStatusEnum('status').notNull().default('draft'),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    notes: text('notes'),
    renewedFromId: uuid('renewed_from_id'),
    finalisedAt: at('finalised_at'),
    finalisedBy: uuid('finalised_by'),
    cancelledAt: at('cancelled_at'),
    cancelReason: text('cancel_reason'),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('prescription_patient_idx').on(t.patientId, t.createdAt), index('prescription_encounter_idx').on(t.encounterId)],
);

/**
 * One medicine on a prescription. The medicine's name, generic name, form and strength are copied
 * from supply's catalogue when the line is added: a prescription records what was prescribed, even
 * if the catalogue changes later.
 */
export const prescriptionItem = care.table(
  'prescription_item',
  {
    id: id(),
    prescriptionId: uuid('prescription_id')
      .notNull()
      .references(() => prescription.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id').notNull(),
    medicineName: text('medicine_name').notNull(),
    genericName: text('generic_name').notNull(),
    strength: text('strength'),
    form: text('form'),
    dose: text('dose').notNull(),
    route: routeEnum('route').notNull(),
    frequency: text('frequency').notNull(),
    durationDays: integer('duration_days').notNull(),
    quantity: integer('quantity').notNull(),
    instructions: text('instructions'),
    refills: integer('refills').notNull().default(0),
    refillsUsed: integer('refills_used').notNull().default(0),
    dispensedQuantity: integer('dispensed_quantity').notNull().default(0),
    position: integer('position').notNull(),
  },
  (t) => [
    index('prescription_item_prescription_idx').on(t.prescriptionId),
    check('prescription_item_quantity_positive', sql`${t.quantity} > 0 and ${t.durationDays} > 0`),
    check('prescription_item_refills_range', sql`${t.refills} between 0 and 12 and ${t.refillsUsed} between 0 and ${t.refills}`),
    check('prescription_item_dispensed_nonnegative', sql`${t.dispensedQuantity} >= 0`),
  ],
);

/** The warnings a prescriber acknowledged, with the reason, when finalising. */
export const safetyAcknowledgement = care.table(
  'safety_acknowledgement',
  {
    id: id(),
    prescriptionId: uuid('prescription_id')
      .notNull()
      .references(() => prescription.id),
    findingKey: text('finding_key').notNull(),
    severity: text('severity').notNull(),
    message: text('message').notNull(),
    reason: text('reason').notNull(),
    acknowledgedBy: uuid('acknowledged_by').notNull(),
    acknowledgedAt: createdAt(),
  },
  (t) => [index('safety_ack_prescription_idx').on(t.prescriptionId)],
);

/** Each supply dispense applied to a prescription, once: the dispense id is the idempotency key. */
export const dispenseRecord = care.table('dispense_record', {
  dispenseId: text('dispense_id').primaryKey(),
  eventId: text('event_id').notNull(),
  prescriptionId: uuid('prescription_id')
    .notNull()
    .references(() => prescription.id),
  lines: jsonb('lines').$type<{ itemId: string; prescriptionItemId?: string | null; quantity: number }[]>().notNull(),
  appliedAt: createdAt(),
});

export const renewalKindEnum = care.enum('renewal_kind', ['renewal', 'refill']);
export const requestStatusEnum = care.enum('request_status', ['pending', 'approved', 'declined']);

export const renewalRequest = care.table(
  'renewal_request',
  {
    id: id(),
    prescriptionId: uuid('prescription_id')
      .notNull()
      .references(() => prescription.id),
    patientId: uuid('patient_id').notNull(),
    kind: renewalKindEnum('kind').notNull(),
    status: requestStatusEnum('status').notNull().default('pending'),
    patientNote: text('patient_note'),
    requestedBy: uuid('requested_by').notNull(),
    requestedAt: createdAt(),
    decidedBy: uuid('decided_by'),
    decidedAt: at('decided_at'),
    decisionNote: text('decision_note'),
    newPrescriptionId: uuid('new_prescription_id'),
  },
  (t) => [
    uniqueIndex('renewal_request_one_pending_idx').on(t.prescriptionId).where(sql`${t.status} = 'pending'`),
    index('renewal_request_patient_idx').on(t.patientId),
  ],
);
