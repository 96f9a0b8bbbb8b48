import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, jsonb, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** The shared event log: every change others must see, written in the same transaction as the change. */
export const eventsSchema = pgSchema('events');

export const eventLog = eventsSchema.table(
  'log',
  {
    id: bigserial('id', { mode: 'bigint' }).primaryKey(),
    topic: text('topic').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    facilityId: uuid('facility_id'),
    patientId: uuid('patient_id'),
    providerId: uuid('provider_id'),
    actorId: uuid('actor_id'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('log_topic_id_idx').on(t.topic, t.id)],
);

/** How far each server-side consumer (e.g. finance charging completed visits) has processed the log. */
export const consumerOffset = eventsSchema.table('consumer_offset', {
  consumer: text('consumer').primaryKey(),
  lastId: bigint('last_id', { mode: 'bigint' }).notNull().default(sql`0`),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The audit trail of every read or write of patient data. Append-only: triggers reject UPDATE, DELETE, TRUNCATE. */
export const auditSchema = pgSchema('audit');

export const auditEvent = auditSchema.table(
  'event',
  {
    id: bigserial('id', { mode: 'bigint' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorRoles: text('actor_roles').array().notNull().default(sql`'{}'::text[]`),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    patientId: uuid('patient_id'),
    service: text('service').notNull(),
    operation: text('operation'),
    ip: text('ip'),
    requestId: text('request_id'),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
  },
  (t) => [index('event_patient_at_idx').on(t.patientId, t.at), index('event_actor_at_idx').on(t.actorId, t.at), index('event_at_idx').on(t.at)],
);

/**
 * The job queue's schema (kit/src/jobs): pg-boss creates and upgrades its own tables here (`installJobQueue`
 * at the end of every migration run), so drizzle declares the schema and none of its tables.
 */
export const jobsSchema = pgSchema('jobs');
