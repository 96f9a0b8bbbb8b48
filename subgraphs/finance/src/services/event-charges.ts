import {
  type AppointmentEventPayload,
  type AuditLog,
  type EncounterChangedPayload,
  type EventRow,
  isUuid,
  type LabOrderReleasedPayload,
  log,
  type StockDispensedPayload,
  type Tx,
} from '@clinigraph/kit';
import { and, eq, isNull } from 'drizzle-orm';
import { charge, encounterLink } from '../db/schema.ts';
import { facilityBilling, findEffectivePrice, localDate, type ServiceType } from './pricing.ts';

type NewCharge = typeof charge.$inferInsert;

/**
 * A field beyond the kit contract, read only when present and well-formed: an encounterId on dispense
 * and lab events lets an invoice be drafted per encounter.
 */
interface OptionalLinks {
  encounterId?: unknown;
}

const optionalUuid = (value: unknown): string | null => (isUuid(value) ? value : null);

interface Billable {
  serviceType: ServiceType;
  sourceLine: string;
  quantity: number;
  providerId?: string | null;
  itemId?: string | null;
  code?: string | null;
  fallbackCode: string;
  fallbackDescription: string;
}

/**
 * Turns one event into charges at the effective price. The unique key (source type, source id, line)
 * makes a replayed or duplicated event insert nothing, so each source event charges exactly once.
 * A service the price list does not cover is still recorded, at zero and flagged `unpriced`, for billing
 * staff to price; it is never silently dropped.
 */
async function insertCharges(
  tx: Tx,
  event: EventRow,
  sourceType: NewCharge['sourceType'],
  serviceInstant: Date,
  encounterId: string | null,
  items: Billable[],
  audit: AuditLog,
): Promise<number> {
  const patientId = event.patientId;
  if (!patientId) {
    log.warn({ eventId: String(event.id), topic: event.topic }, 'finance: event has no patient; nothing to charge');
    return 0;
  }
  const billing = await facilityBilling(tx, event.facilityId);
  const on = localDate(serviceInstant, billing.timeZone);
  const rows: NewCharge[] = [];
  for (const item of items) {
    const price = event.facilityId ? await findEffectivePrice(tx, { ...item, facilityId: event.facilityId, on }) : null;
    rows.push({
      patientId,
      facilityId: event.facilityId,
      providerId: item.providerId ?? event.providerId,
      encounterId,
      sourceType,
      sourceId: event.entityId,
      sourceLine: item.sourceLine,
      sourceEventId: event.id,
      serviceType: item.serviceType,
      priceListEntryId: price?.id ?? null,
      code: price?.code ?? item.fallbackCode,
      description: price?.description ?? item.fallbackDescription,
      quantity: item.quantity,
      unitPriceMinor: price?.amountMinor ?? 0,
      taxRateBp: price?.taxRateBp ?? 0,
      currency: price?.currency ?? billing.currency,
      serviceDate: on,
      unpriced: !price,
    });
  }
  if (rows.length === 0) return 0;
  const inserted = await tx.insert(charge).values(rows).onConflictDoNothing().returning({ id: charge.id, unpriced: charge.unpriced });
  for (const row of inserted) {
    audit.record({
      action: 'create',
      entityType: 'Charge',
      entityId: row.id,
      patientId,
      detail: { source: sourceType, sourceId: event.entityId, eventId: String(event.id), unpriced: row.unpriced },
    });
  }
  return inserted.length;
}

/** appointment.completed → one consultation charge for the visit. */
export async function chargeCompletedAppointment(tx: Tx, event: EventRow, audit: AuditLog): Promise<number> {
  const payload = event.payload as unknown as Partial<AppointmentEventPayload>;
  const [link] = await tx.select().from(encounterLink).where(eq(encounterLink.appointmentId, event.entityId));
  const startsAt = payload.startsAt ? new Date(payload.startsAt) : event.createdAt;
  return insertCharges(
    tx,
    event,
    'appointment',
    Number.isNaN(startsAt.getTime()) ? event.createdAt : startsAt,
    link?.encounterId ?? null,
    [
      {
        serviceType: 'consultation',
        sourceLine: '',
        quantity: 1,
        providerId: event.providerId,
        fallbackCode: 'CONSULTATION',
        fallbackDescription: 'Consultation',
      },
    ],
    audit,
  );
}

/**
 * encounter.changed, closed, origin walk_in → one consultation charge for the visit, priced like an
 * appointment's (the doctor's price, else their specialty's, else the facility's default consultation).
 * An appointment's encounter is charged through appointment.completed instead, never twice.
 */
export async function chargeClosedWalkIn(tx: Tx, event: EventRow, audit: AuditLog): Promise<number> {
  const payload = event.payload as Partial<EncounterChangedPayload>;
  if (payload.status !== 'closed' || payload.origin !== 'walk_in' || !isUuid(event.entityId)) return 0;
  return insertCharges(
    tx,
    event,
    'encounter',
    event.createdAt,
    event.entityId,
    [
      {
        serviceType: 'consultation',
        sourceLine: 'consultation',
        quantity: 1,
        providerId: event.providerId,
        fallbackCode: 'CONSULTATION',
        fallbackDescription: 'Walk-in consultation',
      },
    ],
    audit,
  );
}

/** stock.dispensed → a medicine charge per dispensed line, priced by item. */
export async function chargeDispense(tx: Tx, event: EventRow, audit: AuditLog): Promise<number> {
  const payload = event.payload as unknown as Partial<StockDispensedPayload> & OptionalLinks;
  const lines = Array.isArray(payload.lines) ? payload.lines : [];
  const items: Billable[] = lines.flatMap((line, i) =>
    isUuid(line.itemId) && Number.isInteger(line.quantity) && line.quantity > 0
      ? [
          {
            serviceType: 'medicine' as const,
            sourceLine: `${i}:${line.itemId}`,
            quantity: line.quantity,
            itemId: line.itemId,
            fallbackCode: 'MEDICINE',
            fallbackDescription: `Medicine (item ${line.itemId})`,
          },
        ]
      : [],
  );
  return insertCharges(tx, event, 'dispense', event.createdAt, optionalUuid(payload.encounterId), items, audit);
}

/** lab_order.released → a lab test charge per test, priced by test code. */
export async function chargeLabOrder(tx: Tx, event: EventRow, audit: AuditLog): Promise<number> {
  const payload = event.payload as unknown as Partial<LabOrderReleasedPayload> & OptionalLinks;
  const tests = Array.isArray(payload.tests) ? payload.tests : [];
  const items: Billable[] = tests
    .filter((t) => typeof t.code === 'string' && t.code.length > 0)
    .map((t) => ({
      serviceType: 'lab_test' as const,
      sourceLine: t.code,
      quantity: 1,
      code: t.code,
      fallbackCode: t.code,
      fallbackDescription: t.name || `Lab test ${t.code}`,
    }));
  return insertCharges(tx, event, 'lab_order', event.createdAt, optionalUuid(payload.encounterId), items, audit);
}

/** encounter.changed → remember which appointment an encounter came from, and tag that visit's charges. */
export async function linkEncounter(tx: Tx, event: EventRow): Promise<void> {
  const payload = event.payload as Partial<EncounterChangedPayload>;
  const appointmentId = optionalUuid(payload.appointmentId);
  if (!appointmentId || !event.patientId || !isUuid(event.entityId)) return;
  await tx.insert(encounterLink).values({ encounterId: event.entityId, appointmentId, patientId: event.patientId }).onConflictDoNothing();
  await tx
    .update(charge)
    .set({ encounterId: event.entityId })
    .where(and(eq(charge.sourceType, 'appointment'), eq(charge.sourceId, appointmentId), isNull(charge.encounterId)));
}
