import { byKey, type Context, defineLoader } from '@clinigraph/kit';
import { inArray } from 'drizzle-orm';
import { item } from '../db/schema.ts';

export type ItemRow = typeof item.$inferSelect;

export const itemById = defineLoader<Context, string, ItemRow>(async (ctx, ids) =>
  byKey(
    ids,
    await ctx.db
      .select()
      .from(item)
      .where(inArray(item.id, [...ids])),
    (r) => r.id,
  ),
);
