import { index, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const care = pgSchema('care');

export const encounterStatusEnum = care.enum('encounter_status', ['open', 'in_consultation', 'closed']);

export const encounter = care.table(
  'encounter',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: uuid('patient_id').notNull(),
    providerId: uuid('provider_id').notNull(),
    facilityId: uuid('facility_id').notNull(),
    appointmentId: uuid('appointment_id').unique(),
    status: encounterStatusEnum('status').notNull().default('open'),
    chiefComplaint: text('chief_complaint'),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [index('encounter_patient_opened_idx').on(t.patientId, t.openedAt)],
);
