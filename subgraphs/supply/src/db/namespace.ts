import { pgSchema, timestamp, uuid } from 'drizzle-orm/pg-core';

/** The supply subgraph's own Postgres schema. */
export const supply = pgSchema('supply');

export const id = () => uuid('id').primaryKey().defaultRandom();
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
