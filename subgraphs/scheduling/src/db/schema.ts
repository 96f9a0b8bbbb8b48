import { index, integer, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const scheduling = pgSchema('scheduling');

export const appointmentStatusEnum = scheduling.enum('appointment_status', [
  'requested',
  'confirmed',
  'checked_in',
  'in_progress',
  'completed',
  'cancelled',
  'no_show',
]);

export const appointmentType = scheduling.table('appointment_type', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  durationMinutes: integer('duration_minutes').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const appointment = scheduling.table(
  'appointment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    facilityId: uuid('facility_id').notNull(),
    providerId: uuid('provider_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    typeId: uuid('type_id')
      .notNull()
      .references(() => appointmentType.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    status: appointmentStatusEnum('status').notNull().default('confirmed'),
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('appointment_patient_starts_idx').on(t.patientId, t.startsAt), index('appointment_provider_starts_idx').on(t.providerId, t.startsAt)],
);
