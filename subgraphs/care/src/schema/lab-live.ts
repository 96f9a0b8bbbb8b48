import { type Context, type EventRow, type LabOrderChangedPayload, requireCapability, Topics } from '@clinigraph/kit';
import { builder } from '../builder.ts';
import { readLabOrder } from '../services/reads.ts';
import { LabOrderRef, LabOrderStatus } from './lab.ts';
import { careEvent, gatewayOnly } from './live.ts';

const payloadOf = (e: EventRow) => e.payload as unknown as LabOrderChangedPayload;

const LabOrderEvent = builder.objectRef<EventRow>('LabOrderEvent').implement({
  description: 'A lab order was placed, moved along its workflow, or had a result entered.',
  fields: (t) => ({
    cursor: t.string({ description: 'Pass as `after` when resubscribing.', resolve: (e) => String(e.id) }),
    occurredAt: t.field({ type: 'DateTime', resolve: (e) => e.createdAt }),
    status: t.field({ type: LabOrderStatus, description: 'The state the event left the order in.', resolve: (e) => payloadOf(e).status }),
    previousStatus: t.field({ type: LabOrderStatus, nullable: true, description: 'Null for a new order.', resolve: (e) => payloadOf(e).previousStatus }),
    labOrder: t.field({ type: LabOrderRef, description: 'The order as it is now.', resolve: (e, _a, ctx) => readLabOrder(ctx, e.entityId) }),
  }),
});

async function labOrderEvent(ctx: Context, id: string): Promise<EventRow> {
  requireCapability(ctx, 'lab.read');
  const event = await careEvent(ctx, id, Topics.labOrderChanged);
  await readLabOrder(ctx, event.entityId);
  return event;
}

builder.queryFields((t) => ({
  labOrderEvent: t.field({
    type: LabOrderEvent,
    description: 'One lab_order.changed event (lab, nurses, doctors): what the live subscription delivers.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, { id }, ctx) => labOrderEvent(ctx, String(id)),
  }),
}));

builder.subscriptionFields((t) => ({
  labOrderChanged: t.field({
    type: LabOrderEvent,
    description:
      'Lab orders placed, moved along, or resulted (the lab worklist), optionally at one facility. `after`: a cursor to replay what was missed first.',
    args: { after: t.arg.string(), facilityId: t.arg.id() },
    subscribe: gatewayOnly,
    resolve: (e) => e as EventRow,
  }),
}));
