import {
  AppError,
  type Context,
  canSeePatientAt,
  ErrorCode,
  type EventRow,
  eventLog,
  type LabResultCriticalPayload,
  notFound,
  requireCapability,
  Topics,
} from '@clinigraph/kit';
import { and, eq } from 'drizzle-orm';
import { builder } from '../builder.ts';
import { assertChartRead } from '../services/access.ts';
import { readCriticalResult } from '../services/critical-results.ts';
import { readLabOrder } from '../services/reads.ts';
import { CriticalLabResultRef } from './critical.ts';
import { LabOrderRef } from './lab.ts';
import { Patient } from './refs.ts';

const payloadOf = (e: EventRow) => e.payload as unknown as LabResultCriticalPayload;

/** One event of this topic from the shared log, or NOT_FOUND (also for a malformed id, and for another facility's event). */
export async function careEvent(ctx: Context, id: string, topic: string): Promise<EventRow & { patientId: string }> {
  if (!/^\d{1,18}$/.test(id)) throw notFound('Event');
  const [event] = await ctx.db
    .select()
    .from(eventLog)
    .where(and(eq(eventLog.id, BigInt(id)), eq(eventLog.topic, topic)));
  // The event's facility, as for the record it tells of: another facility's is NOT_FOUND (break-the-glass opens one patient's).
  if (!event?.patientId || !canSeePatientAt(ctx.identity, event.patientId, event.facilityId)) throw notFound('Event');
  return event as EventRow & { patientId: string };
}

/** Care's subscription fields are served by the gateway's live module, never by care itself. */
export const gatewayOnly = () => {
  throw new AppError(ErrorCode.BAD_USER_INPUT, 'Subscribe through the gateway, over graphql-ws on /graphql');
};

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
    result: t.field({
      type: CriticalLabResultRef,
      description: 'The result as it stands now, with its acknowledgement (a replayed event may already be acknowledged).',
      resolve: (e, _a, ctx) => readCriticalResult(ctx, e.entityId),
    }),
  }),
});

/** One lab_result.critical event, for a clinician who may read the patient's labs. */
async function criticalEvent(ctx: Context, id: string): Promise<EventRow> {
  requireCapability(ctx, 'lab.read');
  const event = await careEvent(ctx, id, Topics.labResultCritical);
  assertChartRead(ctx, 'labs', event.patientId, 'Event');
  ctx.audit.record({ action: 'read', entityType: 'LabResult', entityId: event.entityId, patientId: event.patientId, detail: { critical: true } });
  return event;
}

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
    description:
      'Critical lab values of the tests the calling doctor ordered (admins: all), as the lab verifies them. `after`: a cursor to replay what was missed first.',
    args: { after: t.arg.string() },
    subscribe: gatewayOnly,
    resolve: (e) => e as EventRow,
  }),
}));
