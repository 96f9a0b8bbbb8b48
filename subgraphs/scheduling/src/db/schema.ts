import { idempotencyKeyTable } from '@clinigraph/kit/idempotency';
import { patientMergeTable } from '@clinigraph/kit/patient-merge';
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  smallint,
  text,
  time,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

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
export const bookingPolicyEnum = scheduling.enum('booking_policy', ['patient_instant', 'patient_request', 'staff_only']);
export const exceptionKindEnum = scheduling.enum('exception_kind', ['time_off', 'holiday', 'extra_session']);
export const waitlistStatusEnum = scheduling.enum('waitlist_status', ['waiting', 'offered', 'booked', 'cancelled']);
export const offerStatusEnum = scheduling.enum('offer_status', ['pending', 'accepted', 'declined', 'expired', 'lost']);
export const mailStatusEnum = scheduling.enum('mail_status', ['pending', 'sending', 'sent', 'no_address', 'skipped', 'failed']);

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/**
 * The IANA time zone of each facility that has schedules. People owns facilities; scheduling keeps the
 * zone it computes wall-clock schedules in, set by staff (validated as an IANA name) when they create
 * a facility's first schedule or with setFacilityTimezone.
 */
export const facilityZone = scheduling.table('facility_zone', {
  facilityId: uuid('facility_id').primaryKey(),
  timezone: text('timezone').notNull(),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const appointmentType = scheduling.table(
  'appointment_type',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    bufferBeforeMinutes: integer('buffer_before_minutes').notNull().default(0),
    bufferAfterMinutes: integer('buffer_after_minutes').notNull().default(0),
    bookingPolicy: bookingPolicyEnum('booking_policy').notNull().default('patient_instant'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    check('appointment_type_duration_positive', sql`${t.durationMinutes} > 0 and ${t.durationMinutes} <= 480`),
    check('appointment_type_buffers_valid', sql`${t.bufferBeforeMinutes} between 0 and 240 and ${t.bufferAfterMinutes} between 0 and 240`),
  ],
);

/** Which providers offer which appointment types. */
export const typeOffering = scheduling.table(
  'type_offering',
  {
    typeId: uuid('type_id')
      .notNull()
      .references(() => appointmentType.id, { onDelete: 'cascade' }),
    providerId: uuid('provider_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.typeId, t.providerId] }), index('type_offering_provider_idx').on(t.providerId)],
);

/** A provider's working pattern at one facility. `specialty` is the service the sessions are for (slot search filters on it). */
export const schedule = scheduling.table(
  'schedule',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id').notNull(),
    facilityId: uuid('facility_id')
      .notNull()
      .references(() => facilityZone.facilityId),
    specialty: text('specialty'),
    label: text('label'),
    effectiveFrom: date('effective_from').notNull(),
    effectiveTo: date('effective_to'),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('schedule_provider_idx').on(t.providerId),
    index('schedule_facility_idx').on(t.facilityId),
    check('schedule_effective_range', sql`${t.effectiveTo} is null or ${t.effectiveTo} >= ${t.effectiveFrom}`),
  ],
);

export interface BreakRange {
  start: string;
  end: string;
}

/** One weekly wall-clock session: ISO weekday (1 = Monday), local start/end, slot grid, breaks. */
export const scheduleRule = scheduling.table(
  'schedule_rule',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    scheduleId: uuid('schedule_id')
      .notNull()
      .references(() => schedule.id, { onDelete: 'cascade' }),
    weekday: smallint('weekday').notNull(),
    startTime: time('start_time').notNull(),
    endTime: time('end_time').notNull(),
    slotMinutes: integer('slot_minutes').notNull(),
    breaks: jsonb('breaks').$type<BreakRange[]>().notNull().default([]),
    effectiveFrom: date('effective_from'),
    effectiveTo: date('effective_to'),
  },
  (t) => [
    index('schedule_rule_schedule_idx').on(t.scheduleId),
    check('schedule_rule_weekday', sql`${t.weekday} between 1 and 7`),
    check('schedule_rule_times', sql`${t.endTime} > ${t.startTime}`),
    check('schedule_rule_slot', sql`${t.slotMinutes} between 5 and 480`),
  ],
);

/**
 * Time off (one provider), holidays (a whole facility) and extra sessions (one schedule), stored as
 * instants: staff give local dates and times, converted with the facility's zone when saved.
 */
export const scheduleException = scheduling.table(
  'schedule_exception',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: exceptionKindEnum('kind').notNull(),
    facilityId: uuid('facility_id').notNull(),
    providerId: uuid('provider_id'),
    scheduleId: uuid('schedule_id').references(() => schedule.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    slotMinutes: integer('slot_minutes'),
    reason: text('reason'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    index('schedule_exception_facility_idx').on(t.facilityId, t.startsAt),
    index('schedule_exception_provider_idx').on(t.providerId, t.startsAt),
    check('schedule_exception_range', sql`${t.endsAt} > ${t.startsAt}`),
    check(
      'schedule_exception_shape',
      sql`(${t.kind} = 'holiday' and ${t.providerId} is null) or (${t.kind} = 'time_off' and ${t.providerId} is not null) or (${t.kind} = 'extra_session' and ${t.scheduleId} is not null and ${t.providerId} is not null and ${t.slotMinutes} between 5 and 480)`,
    ),
  ],
);

export const appointmentSeries = scheduling.table('appointment_series', {
  id: uuid('id').primaryKey().defaultRandom(),
  patientId: uuid('patient_id').notNull(),
  providerId: uuid('provider_id').notNull(),
  facilityId: uuid('facility_id').notNull(),
  typeId: uuid('type_id')
    .notNull()
    .references(() => appointmentType.id),
  rrule: text('rrule').notNull(),
  createdBy: uuid('created_by'),
  createdAt: createdAt(),
});

/**
 * Appointments. The custom migration adds the two exclusion constraints that make double booking
 * impossible on every write path: per provider over the buffered range, per patient over the time.
 */
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
    createdAt: createdAt(),
    bufferBeforeMinutes: integer('buffer_before_minutes').notNull().default(0),
    bufferAfterMinutes: integer('buffer_after_minutes').notNull().default(0),
    seriesId: uuid('series_id').references(() => appointmentSeries.id),
    bookedBy: uuid('booked_by'),
    queueDay: date('queue_day'),
    queueToken: integer('queue_token'),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * Set on an appointment that came with a merged patient record while overlapping one of the survivor's:
     * both are kept (the provider invariant is untouched) and the per-patient overlap rule skips this one.
     */
    mergeOverlap: boolean('merge_overlap').notNull().default(false),
  },
  (t) => [
    index('appointment_patient_starts_idx').on(t.patientId, t.startsAt),
    index('appointment_provider_starts_idx').on(t.providerId, t.startsAt),
    index('appointment_facility_starts_idx').on(t.facilityId, t.startsAt),
    index('appointment_series_idx').on(t.seriesId),
    uniqueIndex('appointment_queue_token_uq').on(t.providerId, t.queueDay, t.queueToken),
    check('appointment_time_order', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/** Every state change and move, with who and why. */
export const appointmentHistory = scheduling.table(
  'appointment_history',
  {
    id: bigserial('id', { mode: 'bigint' }).primaryKey(),
    appointmentId: uuid('appointment_id')
      .notNull()
      .references(() => appointment.id),
    action: text('action').notNull(),
    fromStatus: appointmentStatusEnum('from_status'),
    toStatus: appointmentStatusEnum('to_status').notNull(),
    fromStartsAt: timestamp('from_starts_at', { withTimezone: true }),
    toStartsAt: timestamp('to_starts_at', { withTimezone: true }),
    reason: text('reason'),
    actorId: uuid('actor_id'),
    actorRoles: text('actor_roles').array().notNull().default(sql`'{}'::text[]`),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('appointment_history_appointment_idx').on(t.appointmentId, t.id)],
);

/** The last queue token handed out per provider and local day. */
export const queueCounter = scheduling.table(
  'queue_counter',
  {
    providerId: uuid('provider_id').notNull(),
    day: date('day').notNull(),
    lastToken: integer('last_token').notNull(),
  },
  (t) => [primaryKey({ columns: [t.providerId, t.day] })],
);

export const waitlistEntry = scheduling.table(
  'waitlist_entry',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: uuid('patient_id').notNull(),
    facilityId: uuid('facility_id').notNull(),
    typeId: uuid('type_id')
      .notNull()
      .references(() => appointmentType.id),
    providerId: uuid('provider_id'),
    earliest: timestamp('earliest', { withTimezone: true }).notNull(),
    latest: timestamp('latest', { withTimezone: true }).notNull(),
    priority: integer('priority').notNull().default(0),
    status: waitlistStatusEnum('status').notNull().default('waiting'),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('waitlist_entry_status_idx').on(t.status, t.typeId),
    index('waitlist_entry_patient_idx').on(t.patientId),
    check('waitlist_entry_window', sql`${t.latest} > ${t.earliest}`),
  ],
);

/**
 * A freed slot offered to one waitlist entry until `expires_at`. At most one pending offer per slot and
 * per entry, and never the same slot twice to the same entry.
 */
export const waitlistOffer = scheduling.table(
  'waitlist_offer',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => waitlistEntry.id),
    providerId: uuid('provider_id').notNull(),
    facilityId: uuid('facility_id').notNull(),
    typeId: uuid('type_id')
      .notNull()
      .references(() => appointmentType.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    status: offerStatusEnum('status').notNull().default('pending'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    appointmentId: uuid('appointment_id').references(() => appointment.id),
    createdAt: createdAt(),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('waitlist_offer_pending_slot_uq').on(t.providerId, t.startsAt).where(sql`${t.status} = 'pending'`),
    uniqueIndex('waitlist_offer_pending_entry_uq').on(t.entryId).where(sql`${t.status} = 'pending'`),
    uniqueIndex('waitlist_offer_entry_slot_uq').on(t.entryId, t.providerId, t.startsAt),
    index('waitlist_offer_expiry_idx').on(t.expiresAt).where(sql`${t.status} = 'pending'`),
  ],
);

/** In-app notifications for patients (reminders, waitlist offers). */
export const notification = scheduling.table(
  'notification',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: uuid('patient_id').notNull(),
    appointmentId: uuid('appointment_id').references(() => appointment.id),
    offerId: uuid('offer_id').references(() => waitlistOffer.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notification_patient_idx').on(t.patientId, t.createdAt)],
);

/**
 * One reminder per appointment per start time (a moved appointment is reminded again). The unique key
 * is the claim: two runs at once insert it once. E-mail delivery is claimed separately (mail_status).
 */
export const reminder = scheduling.table(
  'reminder',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    appointmentId: uuid('appointment_id')
      .notNull()
      .references(() => appointment.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
    mailStatus: mailStatusEnum('mail_status').notNull().default('pending'),
    mailClaimedAt: timestamp('mail_claimed_at', { withTimezone: true }),
    mailedAt: timestamp('mailed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('reminder_appointment_start_uq').on(t.appointmentId, t.startsAt),
    index('reminder_mail_pending_idx').on(t.createdAt).where(sql`${t.mailStatus} = 'pending'`),
  ],
);

/** Patient merges scheduling has applied (kit/src/patient-merge.ts). */
export const patientMerge = patientMergeTable(scheduling);

/** Idempotency keys of bookings a client may retry (kit/src/idempotency.ts); expired by the idempotency-key-expiry job. */
export const idempotencyKey = idempotencyKeyTable(scheduling);
