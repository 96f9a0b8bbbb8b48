import { type Context, type EventRow, requireCapability, Topics } from '@clinigraph/kit';
import { builder } from '../builder.ts';
import { readPrescription } from '../services/reads.ts';
import { careEvent, gatewayOnly } from './live.ts';
import { PrescriptionRef } from './prescription.ts';

const PrescriptionFinalisedEvent = builder.objectRef<EventRow>('PrescriptionFinalisedEvent').implement({
  description: 'A prescription was finalised: it joins the pharmacy’s dispense queue.',
  fields: (t) => ({
    cursor: t.string({ description: 'Pass as `after` when resubscribing.', resolve: (e) => String(e.id) }),
    occurredAt: t.field({ type: 'DateTime', resolve: (e) => e.createdAt }),
    prescription: t.field({ type: PrescriptionRef, description: 'The prescription as it is now.', resolve: (e, _a, ctx) => readPrescription(ctx, e.entityId) }),
  }),
});

async function prescriptionFinalisedEvent(ctx: Context, id: string): Promise<EventRow> {
  requireCapability(ctx, 'prescription.read');
  const event = await careEvent(ctx, id, Topics.prescriptionFinalised);
  await readPrescription(ctx, event.entityId);
  return event;
}

builder.queryFields((t) => ({
  prescriptionFinalisedEvent: t.field({
    type: PrescriptionFinalisedEvent,
    description: 'One prescription.finalised event (pharmacists, doctors, nurses): what the live subscription delivers.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, { id }, ctx) => prescriptionFinalisedEvent(ctx, String(id)),
  }),
}));

builder.subscriptionFields((t) => ({
  prescriptionFinalised: t.field({
    type: PrescriptionFinalisedEvent,
    description: 'Prescriptions as they are finalised (the dispense queue), optionally at one facility. `after`: a cursor to replay what was missed first.',
    args: { after: t.arg.string(), facilityId: t.arg.id() },
    subscribe: gatewayOnly,
    resolve: (e) => e as EventRow,
  }),
}));
