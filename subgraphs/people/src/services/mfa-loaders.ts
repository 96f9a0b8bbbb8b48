import { type Context, defineLoader } from '@clinigraph/kit';
import { and, inArray, isNotNull } from 'drizzle-orm';
import { mfaFactor } from '../db/schema.ts';

/** Whether each account has a confirmed authenticator app (Account.mfaEnabled), one query per request. */
export const accountMfaEnabled = defineLoader<Context, string, boolean>(async (ctx, ids) => {
  const rows = await ctx.db
    .select({ id: mfaFactor.accountId })
    .from(mfaFactor)
    .where(and(inArray(mfaFactor.accountId, [...ids]), isNotNull(mfaFactor.confirmedAt)));
  const on = new Set(rows.map((r) => r.id));
  return ids.map((id) => on.has(id));
});
