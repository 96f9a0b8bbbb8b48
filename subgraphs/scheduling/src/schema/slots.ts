import { badInput, type Context, facilityScope, isUuid, pageSize, requireIdentity } from '@clinigraph/kit';
import { builder } from '../builder.ts';
import { addDays } from '../domain/time.ts';
import { firstAvailable, type SlotQuery, searchSlots } from '../services/slot-search.ts';
import { SlotConnection, SlotRef } from './types.ts';

const SlotSearchInput = builder.inputType('SlotSearchInput', {
  fields: (t) => ({
    typeId: t.id({ required: true }),
    facilityId: t.id(),
    providerIds: t.idList(),
    specialty: t.string({ description: 'The specialty of the schedule, e.g. Dentistry.' }),
    from: t.field({ type: 'Date', required: true, description: 'First facility-local date.' }),
    to: t.field({ type: 'Date', description: 'Last facility-local date, included (at most 62 days; default from + 13 days).' }),
  }),
});

type SearchArgs = {
  typeId: string | number;
  facilityId?: string | number | null;
  providerIds?: (string | number)[] | null;
  specialty?: string | null;
  from: string;
  to?: string | null;
};

/** Staff search the schedules of their facilities only; patients (unconfined) book at every facility. */
function toQuery(ctx: Context, input: SearchArgs, defaultDays: number): SlotQuery {
  const ids = [input.typeId, input.facilityId, ...(input.providerIds ?? [])].filter((v) => v != null).map(String);
  if (!ids.every(isUuid)) throw badInput('ids must be UUIDs');
  return {
    typeId: String(input.typeId),
    facilityId: input.facilityId == null ? null : String(input.facilityId),
    providerIds: input.providerIds ? input.providerIds.map(String) : null,
    specialty: input.specialty ?? null,
    scope: facilityScope(ctx.identity),
    from: input.from,
    to: input.to ?? addDays(input.from, defaultDays - 1),
  };
}

builder.queryFields((t) => ({
  slots: t.field({
    type: SlotConnection,
    description: 'Free slots in time order across the matching providers: schedules minus exceptions, bookings (with buffers) and open waitlist offers.',
    args: { input: t.arg({ type: SlotSearchInput, required: true }), first: t.arg.int(), after: t.arg.string() },
    resolve: (_r, { input, first, after }, ctx) => {
      requireIdentity(ctx);
      return searchSlots(ctx.db, toQuery(ctx, input, 14), pageSize(first), after);
    },
  }),
  firstAvailableSlots: t.field({
    type: [SlotRef],
    description: 'The earliest free slot of each matching provider, earliest first (default: the next 60 days).',
    args: { input: t.arg({ type: SlotSearchInput, required: true }) },
    resolve: (_r, { input }, ctx) => {
      requireIdentity(ctx);
      return firstAvailable(ctx.db, toQuery(ctx, input, 60));
    },
  }),
}));
