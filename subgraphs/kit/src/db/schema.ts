import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, integer, jsonb, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** The shared event log: every change others must see, written in the same transaction as the change. */
export const eventsSchema = pgSchema('events');

export const eventLog = eventsSchema.table(
  'log',
  {
    /** In transaction order, not commit order: see `events.next_event_id()` (kit migration 0006) and `readEventBatch`. */
    id: bigint('id', { mode: 'bigint' }).primaryKey().default(sql`events.next_event_id()`),
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
  (t) => [
    index('event_patient_at_idx').on(t.patientId, t.at),
    index('event_actor_at_idx').on(t.actorId, t.at),
    index('event_at_idx').on(t.at),
    // An account's sign-in activity (login, login_failed, login_locked name the account as the entity).
    index('event_entity_at_idx').on(t.entityType, t.entityId, t.at),
  ],
);

/**
 * The job queue's schema (kit/src/jobs): pg-boss creates and upgrades its own tables here (`installJobQueue`
 * at the end of every migration run), so drizzle declares the schema and none of its tables.
 */
export const jobsSchema = pgSchema('jobs');

/**
 * Sign-in sessions, shared so that the gateway and every subgraph can refuse a revoked, idle or expired
 * session's access tokens (the `sid` claim) on the very next request. people opens and ends sessions (it
 * owns accounts and refresh tokens); everyone else only reads a row by primary key (kit auth/sessions.ts).
 */
export const authSchema = pgSchema('auth');

export const authSession = authSchema.table(
  'session',
  {
    /** The `sid` claim of its access tokens, and the family id of its refresh tokens. */
    id: uuid('id').primaryKey(),
    accountId: uuid('account_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** The last request the account made with it (the gateway writes it at most once a minute). */
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }).notNull().defaultNow(),
    /** Ended once idle this long (the strictest of the account's facilities); null: no idle limit. */
    idleTimeoutSeconds: integer('idle_timeout_seconds'),
    /** The absolute lifetime: refreshing never extends a session past it. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endReason: text('end_reason'),
    userAgent: text('user_agent'),
    ip: text('ip'),
  },
  (t) => [index('session_account_idx').on(t.accountId, t.createdAt)],
);
