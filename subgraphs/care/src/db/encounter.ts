import { sql } from 'drizzle-orm';
import { check, date, index, integer, numeric, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { at, care, createdAt, id } from './care.ts';

export const encounterStatusEnum = care.enum('encounter_status', ['open', 'in_consultation', 'closed']);
export const encounterOriginEnum = care.enum('encounter_origin', ['appointment', 'walk_in']);

export const encounter = care.table(
  'encounter',
  {
    id: id(),
    patientId: uuid('patient_id').notNull(),
    providerId: uuid('provider_id').notNull(),
    facilityId: uuid('facility_id').notNull(),
    appointmentId: uuid('appointment_id').unique(),
    origin: encounterOriginEnum('origin').notNull().default('appointment'),
    status: encounterStatusEnum('status').notNull().default('open'),
    chiefComplaint: text('chief_complaint'),
    openedAt: at('opened_at').notNull().defaultNow(),
    consultationStartedAt: at('consultation_started_at'),
    closedAt: at('closed_at'),
    closedBy: uuid('closed_by'),
    followUpOn: date('follow_up_on', { mode: 'string' }),
    followUpReason: text('follow_up_reason'),
    followUpProviderId: uuid('follow_up_provider_id'),
  },
  (t) => [index('encounter_patient_opened_idx').on(t.patientId, t.openedAt), index('encounter_provider_status_idx').on(t.providerId, t.status)],
);

/**
 * One set of measurements. Plausibility ranges are checked in the service (typed errors) and again
 * here, so no write path can store an impossible value. BMI is computed by the database.
 */
export const vitals = care.table(
  'vitals',
  {
    id: id(),
    encounterId: uuid('encounter_id')
      .notNull()
      .references(() => encounter.id),
    patientId: uuid('patient_id').notNull(),
    recordedBy: uuid('recorded_by').notNull(),
    recordedAt: createdAt(),
    systolic: smallint('systolic'),
    diastolic: smallint('diastolic'),
    pulse: smallint('pulse'),
    temperatureC: numeric('temperature_c', { precision: 4, scale: 1, mode: 'number' }),
    respiratoryRate: smallint('respiratory_rate'),
    spo2: smallint('spo2'),
    weightKg: numeric('weight_kg', { precision: 5, scale: 2, mode: 'number' }),
    heightCm: numeric('height_cm', { precision: 4, scale: 1, mode: 'number' }),
    bmi: numeric('bmi', { precision: 4, scale: 1, mode: 'number' }).generatedAlwaysAs(
      sql`case when weight_kg is not null and height_cm is not null then round(weight_kg / ((height_cm / 100.0) * (height_cm / 100.0)), 1) end`,
    ),
    painScore: integer('pain_score'),
  },
  (t) => [
    index('vitals_patient_recorded_idx').on(t.patientId, t.recordedAt),
    index('vitals_encounter_idx').on(t.encounterId),
    check('vitals_systolic_range', sql`${t.systolic} between 50 and 300`),
    check('vitals_diastolic_range', sql`${t.diastolic} between 20 and 200 and (${t.systolic} is null or ${t.diastolic} < ${t.systolic})`),
    check('vitals_pulse_range', sql`${t.pulse} between 20 and 250`),
    check('vitals_temperature_range', sql`${t.temperatureC} between 30 and 45`),
    check('vitals_respiratory_range', sql`${t.respiratoryRate} between 4 and 80`),
    check('vitals_spo2_range', sql`${t.spo2} between 50 and 100`),
    check('vitals_weight_range', sql`${t.weightKg} between 0.3 and 400`),
    check('vitals_height_range', sql`${t.heightCm} between 20 and 260`),
    check('vitals_pain_range', sql`${t.painScore} between 0 and 10`),
  ],
);
