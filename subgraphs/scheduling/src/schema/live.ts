import {
  AppError,
  type Context,
  can,
  canReadPatientRecord,
  canSeePatientAt,
  ErrorCode,
  type EventRow,
  eventLog,
  notFound,
  requireCapability,
  requireIdentity,
  Topics,
} from '@clinigraph/kit';
import { and, eq, sql } from 'drizzle-orm';
import { builder } from '../builder.ts';
import { appointment } from '../db/schema.ts';
import type { AppointmentChangedPayload, QueueChangedPayload } from '../services/events.ts';
import { type AppointmentRow, appointmentById, queueByProviderDay } from '../services/loaders.ts';
import { readAppointment } from './appointment.ts';
import { AppointmentRef, AppointmentStatusEnum, ChangeKindEnum, Provider } from './types.ts';

interface AppointmentEvent {
  event: EventRow;
  appointment: AppointmentRow;
}
interface QueueEvent {
  event: EventRow;
  providerId: string;
  day: string;
}

const payloadOf = <T>(e: EventRow) => e.payload as unknown as T;

export const AppointmentEventRef = builder.objectRef<AppointmentEvent>('AppointmentEvent').implement({
  description: 'One change of an appointment, from the event log.',
  fields: (t) => ({
    cursor: t.string({ description: 'Pass as `after` when resubscribing to receive exactly what came after this event.', resolve: (e) => String(e.event.id) }),
    kind: t.field({ type: ChangeKindEnum, resolve: (e) => payloadOf<AppointmentChangedPayload>(e.event).kind }),
    occurredAt: t.field({ type: 'DateTime', resolve: (e) => e.event.createdAt }),
    previousStatus: t.field({
      type: AppointmentStatusEnum,
      nullable: true,
      resolve: (e) => payloadOf<AppointmentChangedPayload>(e.event).previousStatus as AppointmentRow['status'] | null,
    }),
    previousStartsAt: t.field({
      type: 'DateTime',
      nullable: true,
      resolve: (e) => {
        const at = payloadOf<AppointmentChangedPayload>(e.event).previousStartsAt;
        return at ? new Date(at) : null;
      },
    }),
    appointment: t.field({ type: AppointmentRef, description: 'The appointment as it is now.', resolve: (e) => e.appointment }),
  }),
});

export const QueueEntryRef = builder.objectRef<{ appointment: AppointmentRow; position: number | null }>('QueueEntry').implement({
  fields: (t) => ({
    token: t.int({ resolve: (q) => q.appointment.queueToken ?? 0 }),
    position: t.int({ nullable: true, description: 'Place among those waiting (1 = next); null once in the room or done.', resolve: (q) => q.position }),
    status: t.field({ type: AppointmentStatusEnum, resolve: (q) => q.appointment.status }),
    appointment: t.field({ type: AppointmentRef, resolve: (q) => q.appointment }),
  }),
});

/** A provider's day queue in token order, with positions for those still waiting. */
async function dayQueue(ctx: Context, providerId: string, day: string) {
  const rows = (await queueByProviderDay(ctx).load(`${providerId}|${day}`)) ?? [];
  let waiting = 0;
  for (const r of rows) ctx.audit.record({ action: 'read', entityType: 'Appointment', entityId: r.id, patientId: r.patientId });
  return rows.map((appointment) => ({ appointment, position: appointment.status === 'checked_in' ? ++waiting : null }));
}

const requireQueueReader = (ctx: Context) => requireCapability(ctx, 'queue.read');

export const QueueEventRef = builder.objectRef<QueueEvent>('QueueEvent').implement({
  description: 'A change of a provider’s day queue, with the queue as it is now.',
  fields: (t) => ({
    cursor: t.string({ resolve: (e) => String(e.event.id) }),
    kind: t.field({ type: ChangeKindEnum, resolve: (e) => payloadOf<QueueChangedPayload>(e.event).kind }),
    occurredAt: t.field({ type: 'DateTime', resolve: (e) => e.event.createdAt }),
    day: t.field({ type: 'Date', resolve: (e) => e.day }),
    provider: t.field({ type: Provider, resolve: (e) => ({ id: e.providerId }) }),
    appointment: t.field({ type: AppointmentRef, resolve: (e, _a, ctx) => readAppointment(ctx, payloadOf<QueueChangedPayload>(e.event).appointmentId) }),
    queue: t.field({ type: [QueueEntryRef], resolve: (e, _a, ctx) => dayQueue(ctx, e.providerId, e.day) }),
  }),
});

async function loadEvent(ctx: Context, id: string, topic: string): Promise<EventRow> {
  const identity = requireIdentity(ctx);
  if (!/^\d{1,18}$/.test(id)) throw notFound('Event');
  const [event] = await ctx.db
    .select()
    .from(eventLog)
    .where(and(eq(eventLog.id, BigInt(id)), eq(eventLog.topic, topic)));
  const visible = (e: EventRow) => canReadPatientRecord(identity, 'appointment.read', e.patientId) && canSeePatientAt(identity, e.patientId, e.facilityId);
  if (!event || !visible(event)) throw notFound('Event');
  return event;
}

/**
 * The event and its appointment in one query (the gateway runs this once per subscriber per event),
 * with the same checks as loadEvent and readAppointment: staff see the events of their facilities'
 * appointments, a patient those of their own.
 */
async function loadAppointmentEvent(ctx: Context, id: string): Promise<AppointmentEvent> {
  const identity = requireIdentity(ctx);
  if (!/^\d{1,18}$/.test(id)) throw notFound('Event');
  const [row] = await ctx.db
    .select({ event: eventLog, appointment })
    .from(eventLog)
    .innerJoin(appointment, sql`${appointment.id} = ${eventLog.entityId}::uuid`)
    .where(and(eq(eventLog.id, BigInt(id)), eq(eventLog.topic, Topics.appointmentChanged)));
  const visible = (r: AppointmentEvent) =>
    can(identity, 'appointment.read')
      ? canSeePatientAt(identity, r.appointment.patientId, r.appointment.facilityId)
      : canReadPatientRecord(identity, 'appointment.read', r.event.patientId) && r.appointment.patientId === r.event.patientId;
  if (!row || !visible(row)) throw notFound('Event');
  ctx.audit.record({ action: 'read', entityType: 'Appointment', entityId: row.appointment.id, patientId: row.appointment.patientId });
  appointmentById(ctx).prime(row.appointment.id, row.appointment);
  return row;
}

const gatewayOnly = () => {
  throw new AppError(ErrorCode.BAD_USER_INPUT, 'Subscribe through the gateway, over graphql-ws on /graphql');
};

builder.queryFields((t) => ({
  appointmentEvent: t.field({
    type: AppointmentEventRef,
    description: 'One appointment.changed event, resolved with the caller’s authorisation (the gateway resolves live events through it).',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, { id }, ctx) => loadAppointmentEvent(ctx, String(id)),
  }),
  queueEvent: t.field({
    type: QueueEventRef,
    description: 'One queue.changed event (staff).',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_r, { id }, ctx) => {
      requireQueueReader(ctx);
      const event = await loadEvent(ctx, String(id), Topics.queueChanged);
      return { event, providerId: event.providerId as string, day: payloadOf<QueueChangedPayload>(event).day };
    },
  }),
  queue: t.field({
    type: [QueueEntryRef],
    description: 'A provider’s queue for a facility-local day, in token order (staff).',
    args: { providerId: t.arg.id({ required: true }), day: t.arg({ type: 'Date', required: true }) },
    resolve: (_r, { providerId, day }, ctx) => {
      requireQueueReader(ctx);
      return dayQueue(ctx, String(providerId), day);
    },
  }),
}));

builder.subscriptionFields((t) => ({
  appointmentChanged: t.field({
    type: AppointmentEventRef,
    description:
      'Appointment changes. A patient receives only their own. `mine`: the caller’s own appointments (as patient or provider). `after`: a cursor to replay what was missed first.',
    args: {
      after: t.arg.string(),
      facilityId: t.arg.id(),
      providerId: t.arg.id(),
      day: t.arg({ type: 'Date', description: 'A facility-local date the change touches.' }),
      mine: t.arg.boolean(),
    },
    subscribe: gatewayOnly,
    resolve: (e) => e as AppointmentEvent,
  }),
  queueChanged: t.field({
    type: QueueEventRef,
    description: 'Changes of a provider’s day queue (staff).',
    args: { providerId: t.arg.id({ required: true }), day: t.arg({ type: 'Date', required: true }), after: t.arg.string() },
    subscribe: gatewayOnly,
    resolve: (e) => e as QueueEvent,
  }),
}));
