import { facilityReference, requireStaff } from '@clinigraph/kit';
import { asc } from 'drizzle-orm';
import { builder } from '../builder.ts';
import { priceListEntry } from '../db/schema.ts';

const Facility = facilityReference(builder);

export const PriceListEntryRef = builder.objectRef<typeof priceListEntry.$inferSelect>('PriceListEntry').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code'),
    description: t.exposeString('description'),
    amountMinor: t.exposeInt('amountMinor', { description: 'In minor units (cents) of `currency`.' }),
    currency: t.exposeString('currency'),
    effectiveFrom: t.expose('effectiveFrom', { type: 'Date' }),
    facility: t.field({ type: Facility, resolve: (e) => ({ id: e.facilityId }) }),
  }),
});

builder.queryFields((t) => ({
  priceList: t.field({
    type: [PriceListEntryRef],
    resolve: (_r, _a, ctx) => {
      requireStaff(ctx);
      return ctx.db.select().from(priceListEntry).orderBy(asc(priceListEntry.code), asc(priceListEntry.effectiveFrom));
    },
  }),
}));
