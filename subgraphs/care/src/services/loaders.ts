import { byKey, type Context, defineLoader, groupByKey } from '@clinigraph/kit';
import { desc, inArray } from 'drizzle-orm';
import { encounter } from '../db/schema.ts';

export type EncounterRow = typeof encounter.$inferSelect;

export const encounterById = defineLoader<Context, string, EncounterRow>(async (ctx, ids) =>
  byKey(
    ids,
    await ctx.db
      .select()
      .from(encounter)
      .where(inArray(encounter.id, [...ids])),
    (r) => r.id,
  ),
);

export const encountersByPatient = defineLoader<Context, string, EncounterRow[]>(async (ctx, ids) =>
  groupByKey(
    ids,
    await ctx.db
      .select()
      .from(encounter)
      .where(inArray(encounter.patientId, [...ids]))
      .orderBy(desc(encounter.openedAt)),
    (r) => r.patientId,
  ),
);
