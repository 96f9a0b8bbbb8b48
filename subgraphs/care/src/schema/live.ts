import { AppError, type Context, ErrorCode, type EventRow, eventLog, type LabResultCriticalPayload, notFound, requireRole, Topics } from '@clinigraph/kit';
import { and, eq } from 'drizzle-orm';
import { builder } from '../builder.ts';
import { assertChartRead } from '../services/access.ts';
import { readLabOrder } from '../services/reads.ts';
import { LabOrderRef } from './lab.ts';
import { Patient } from './refs.ts';

const payloadOf = (e: EventRow) => e.payload as unknown as LabResultCriticalPayload;

const CriticalResultEvent = builder.objectRef<EventRow>('CriticalLabResultEvent').implement({
  description: 'A critical lab value, for the ordering doctor.',
  fields: (t) => ({
    cursor: t.string({ description: 'Pass as `after` when resubscribing.', resolve: (e) => String(e.id) }),
    occurredAt: t.field({ type: 'DateTime', resolve: (e) => e.createdAt }),
    testCode: t.string({ resolve: (e) => payloadOf(e).testCode }),
    testName: t.string({ resolve: (e) => payloadOf(e).testName }),
    value: t.float({ resolve: (e) => payloadOf(e).value }),
    unit: t.string({ nullable: true, resolve: (e) => payloadOf(e).unit }),
    flag: t.string({ resolve: (e) => payloadOf(e).flag.toUpperCase() }),
    patient: t.field({ type: Patient, resolve: (e) => ({ id: e.patientId! }) }),
    labOrder: t.field({ type: LabOrderRef, resolve: (e, _a, ctx) => readLabOrder(ctx, payloadOf(e).orderId) }),
  }),
});

/** One lab_result.critical event, for a clinician who may read the patient's labs. */
async function criticalEvent(ctx: Context, id: string): Promise<EventRow> {
  requireRole(ctx, 'doctor', 'nurse', 'lab');
  if (!/^\d{1,18}$/.test(id)) throw notFound('Event');
  const [event] = await ctx.db
    .select()
    .from(eventLog)
    .where(and(eq(eventLog.id, BigInt(id)), eq(eventLog.topic, Topics.labResultCritical)));
  if (!event?.patientId) throw notFound('Event');
  assertChartRead(ctx, 'labs', event.patientId, 'Event');
  ctx.audit.record({ action: 'read', entityType: 'LabResult', entityId: event.entityId, patientId: event.patientId, detail: { critical: true } });
  return event;
}

const gatewayOnly = () => {
  throw new AppError(ErrorCode.BAD_USER_INPUT, 'Subscribe through the gateway, over graphql-ws on /graphql');
};

builder.queryFields((t) => ({
  criticalLabResultEvent: t.field({
    type: CriticalResultEvent,
    description: 'One lab_result.critical event (clinical staff): what the live subscription delivers.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, { id }, ctx) => criticalEvent(ctx, String(id)),
  }),
}));

builder.subscriptionFields((t) => ({
  criticalLabResults: t.field({
    type: CriticalResultEvent,
    description: 'Critical lab values of the tests the calling doctor ordered (admins: all). `after`: a cursor to replay what was missed first.',
    args: { after: t.arg.string() },
    subscribe: gatewayOnly,
    resolve: (e) => e as EventRow,
  }),
}));
