import { type Context, type EncounterChangedPayload, type EventRow, notFound, requireIdentity, Topics } from '@clinigraph/kit';
import { builder } from '../builder.ts';
import { encounterFeedProvider } from '../services/access.ts';
import { readEncounter } from '../services/reads.ts';
import { EncounterRef, EncounterStatus } from './encounter.ts';
import { careEvent, gatewayOnly } from './live.ts';

const payloadOf = (e: EventRow) => e.payload as unknown as EncounterChangedPayload;

const EncounterChangedEvent = builder.objectRef<EventRow>('EncounterChangedEvent').implement({
  description: 'An encounter was opened (check-in or walk-in), moved into consultation, or closed.',
  fields: (t) => ({
    cursor: t.string({ description: 'Pass as `after` when resubscribing.', resolve: (e) => String(e.id) }),
    occurredAt: t.field({ type: 'DateTime', resolve: (e) => e.createdAt }),
    status: t.field({ type: EncounterStatus, description: 'The state the event left the encounter in.', resolve: (e) => payloadOf(e).status }),
    previousStatus: t.field({ type: EncounterStatus, nullable: true, description: 'Null for a new encounter.', resolve: (e) => payloadOf(e).previousStatus }),
    encounter: t.field({ type: EncounterRef, description: 'The encounter as it is now.', resolve: (e, _a, ctx) => readEncounter(ctx, e.entityId) }),
  }),
});

/** One encounter.changed event: for admins and nurses, and for the doctor the encounter is with (another doctor's is NOT_FOUND). */
async function encounterEvent(ctx: Context, id: string): Promise<EventRow> {
  const providerId = encounterFeedProvider(requireIdentity(ctx));
  const event = await careEvent(ctx, id, Topics.encounterChanged);
  if (providerId && event.providerId !== providerId) throw notFound('Event');
  await readEncounter(ctx, event.entityId);
  return event;
}

builder.queryFields((t) => ({
  encounterEvent: t.field({
    type: EncounterChangedEvent,
    description: 'One encounter.changed event (doctors: their own encounters; nurses, admins): what the live subscription delivers.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, { id }, ctx) => encounterEvent(ctx, String(id)),
  }),
}));

builder.subscriptionFields((t) => ({
  encounterChanged: t.field({
    type: EncounterChangedEvent,
    description:
      'Encounters opened, moved into consultation or closed: a doctor’s own (their waiting list); nurses and admins: all. `after`: a cursor to replay what was missed first.',
    args: { after: t.arg.string() },
    subscribe: gatewayOnly,
    resolve: (e) => e as EventRow,
  }),
}));
