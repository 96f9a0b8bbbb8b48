import { isUuid, notFound, requireCapability, Topics } from '@clinigraph/kit';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { builder } from '../builder.ts';
import { item, stockLevel, stockMovement } from '../db/schema.ts';
import { loadStockEvent } from '../services/events.ts';
import { expiringStock, expiryWindowDays, runExpiryCheck, setExpiryWindow } from '../services/expiry.ts';
import { type ItemRow, itemById, locationById, lotById } from '../services/loaders.ts';
import { assertFacility, inScopeLocation } from '../services/scope.ts';
import { Facility, Patient } from './refs.ts';
import { ExpiringStockRef, ItemRef, LocationRef, LotAllocationRef, LotRef, StockEventRef, StockMovementRef } from './types.ts';

ExpiringStockRef.implement({
  description: 'Stock of one lot at one location that expires within the window (or has expired).',
  fields: (t) => ({
    lot: t.field({ type: LotRef, resolve: async (s, _a, ctx) => (await lotById(ctx).load(s.lotId))! }),
    item: t.field({ type: ItemRef, resolve: async (s, _a, ctx) => (await itemById(ctx).load(s.itemId))! }),
    location: t.field({ type: LocationRef, resolve: async (s, _a, ctx) => (await locationById(ctx).load(s.locationId))! }),
    expiresOn: t.expose('expiresOn', { type: 'Date' }),
    quantity: t.exposeInt('quantity'),
    expired: t.exposeBoolean('expired'),
    daysLeft: t.exposeInt('daysLeft', { description: 'Days until the expiry date; 0 or less once expired.' }),
  }),
});

const LowStockRef = builder.objectRef<{ item: ItemRow; facilityId: string; onHand: number; lowSince: Date | null }>('LowStock').implement({
  fields: (t) => ({
    item: t.field({ type: ItemRef, resolve: (l) => l.item }),
    facility: t.field({ type: Facility, resolve: (l) => ({ id: l.facilityId }) }),
    onHand: t.exposeInt('onHand'),
    reorderLevel: t.int({ resolve: (l) => l.item.reorderLevel }),
    reorderQuantity: t.int({ resolve: (l) => l.item.reorderQuantity }),
    lowSince: t.expose('lowSince', { type: 'DateTime', nullable: true }),
  }),
});

type Payload = Record<string, unknown>;
const str = (p: Payload, key: string): string | null => (typeof p[key] === 'string' ? (p[key] as string) : null);
const num = (p: Payload, key: string): number | null => (typeof p[key] === 'number' ? (p[key] as number) : null);

interface EventLine {
  itemId: string;
  prescriptionItemId?: string | null;
  quantity: number;
  lots?: { lotId: string; lotNumber: string; quantity: number }[];
}

const DispensedEventLineRef = builder.objectRef<EventLine>('StockEventLine').implement({
  fields: (t) => ({
    item: t.field({ type: ItemRef, nullable: true, resolve: (l, _a, ctx) => itemById(ctx).load(l.itemId) }),
    prescriptionItemId: t.id({ nullable: true, resolve: (l) => l.prescriptionItemId ?? null }),
    quantity: t.exposeInt('quantity'),
    allocations: t.field({
      type: [LotAllocationRef],
      resolve: (l) => (l.lots ?? []).map((a) => ({ lotId: a.lotId, lotNumber: a.lotNumber, quantity: a.quantity, expiresOn: null })),
    }),
  }),
});

StockEventRef.implement({
  description:
    'One supply event from the shared log (stock.changed, stock.low, stock.expiring, stock.dispensed): what live subscriptions deliver. Fields that do not apply to a topic are null.',
  fields: (t) => ({
    id: t.id({ description: 'The event log id.', resolve: (e) => e.id.toString() }),
    cursor: t.string({ description: 'Pass as `after` when resubscribing to receive exactly what came after this event.', resolve: (e) => e.id.toString() }),
    topic: t.exposeString('topic'),
    occurredAt: t.expose('createdAt', { type: 'DateTime' }),
    facility: t.field({ type: Facility, nullable: true, resolve: (e) => (e.facilityId ? { id: e.facilityId } : null) }),
    patient: t.field({ type: Patient, nullable: true, resolve: (e) => (e.patientId ? { id: e.patientId } : null) }),
    actorId: t.exposeID('actorId', { nullable: true }),
    item: t.field({
      type: ItemRef,
      nullable: true,
      resolve: (e, _a, ctx) => {
        const id = str(e.payload, 'itemId');
        return id && isUuid(id) ? itemById(ctx).load(id) : null;
      },
    }),
    location: t.field({
      type: LocationRef,
      nullable: true,
      resolve: (e, _a, ctx) => {
        const id = str(e.payload, 'locationId');
        return id && isUuid(id) ? locationById(ctx).load(id) : null;
      },
    }),
    lot: t.field({ type: LotRef, nullable: true, resolve: (e, _a, ctx) => (e.topic === Topics.stockExpiring ? lotById(ctx).load(e.entityId) : null) }),
    quantity: t.int({
      nullable: true,
      description: 'stock.changed: units of the item now at the location; stock.expiring: units of the lot there; stock.low: on hand in the facility.',
      resolve: (e) => num(e.payload, 'quantity') ?? num(e.payload, 'onHand'),
    }),
    delta: t.int({ nullable: true, description: 'stock.changed: the signed change.', resolve: (e) => num(e.payload, 'delta') }),
    reorderLevel: t.int({ nullable: true, resolve: (e) => num(e.payload, 'reorderLevel') }),
    expiresOn: t.field({ type: 'Date', nullable: true, resolve: (e) => str(e.payload, 'expiresOn') }),
    expiryStage: t.string({ nullable: true, description: 'stock.expiring: "expiring" or "expired".', resolve: (e) => str(e.payload, 'stage') }),
    operationId: t.id({ nullable: true, resolve: (e) => str(e.payload, 'operationId') ?? (e.topic === Topics.stockDispensed ? e.entityId : null) }),
    prescriptionId: t.id({ nullable: true, resolve: (e) => str(e.payload, 'prescriptionId') }),
    lines: t.field({
      type: [DispensedEventLineRef],
      nullable: true,
      description: 'stock.dispensed: what was given, per line.',
      resolve: (e) => (Array.isArray(e.payload.lines) ? (e.payload.lines as EventLine[]) : null),
    }),
    movements: t.field({
      type: [StockMovementRef],
      description: 'The ledger entries behind the event.',
      resolve: (e, _a, ctx) => {
        const ids = Array.isArray(e.payload.movementIds) ? (e.payload.movementIds as unknown[]).filter((v): v is number => typeof v === 'number') : [];
        return ids.length
          ? ctx.db
              .select()
              .from(stockMovement)
              .where(and(inArray(stockMovement.id, ids), inScopeLocation(ctx, stockMovement.locationId)))
              .orderBy(asc(stockMovement.id))
          : [];
      },
    }),
  }),
});

builder.queryFields((t) => ({
  stockEvent: t.field({
    type: StockEventRef,
    description:
      "One stock event by its log id (staff of the event's facility; another facility's is NOT_FOUND). The gateway resolves live subscription payloads through it.",
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, { id }, ctx) => loadStockEvent(ctx, String(id)),
  }),
  lowStock: t.field({
    type: [LowStockRef],
    description: 'Items at or below their reorder level in a facility of yours (another facility is NOT_FOUND).',
    args: { facilityId: t.arg.id({ required: true }) },
    resolve: async (_r, { facilityId }, ctx) => {
      requireCapability(ctx, 'stock.read');
      if (!isUuid(String(facilityId))) return [];
      assertFacility(ctx, String(facilityId));
      const rows = await ctx.db
        .select({ item, onHand: stockLevel.onHand, lowSince: stockLevel.lowSince, facilityId: stockLevel.facilityId })
        .from(stockLevel)
        .innerJoin(item, eq(item.id, stockLevel.itemId))
        .where(and(eq(stockLevel.facilityId, String(facilityId)), eq(stockLevel.belowReorder, true)))
        .orderBy(asc(item.name));
      return rows;
    },
  }),
  expiringStock: t.field({
    type: [ExpiringStockRef],
    description: "Stock expiring within `withinDays` (default: the facility's expiry window), expired stock included, soonest first.",
    args: { facilityId: t.arg.id({ required: true }), withinDays: t.arg.int() },
    resolve: (_r, { facilityId, withinDays }, ctx) => expiringStock(ctx, String(facilityId), withinDays),
  }),
  expiryWindowDays: t.int({
    args: { facilityId: t.arg.id({ required: true }) },
    resolve: (_r, { facilityId }, ctx) => {
      requireCapability(ctx, 'stock.read');
      if (!isUuid(String(facilityId))) throw notFound('Facility');
      assertFacility(ctx, String(facilityId));
      return expiryWindowDays(ctx.db, String(facilityId));
    },
  }),
}));

builder.mutationFields((t) => ({
  runExpiryCheck: t.field({
    type: [ExpiringStockRef],
    description:
      'Raises stock.expiring alerts for stock newly inside the window or newly expired (each lot, location and stage once). Returns what it alerted.',
    args: { facilityId: t.arg.id({ required: true }) },
    resolve: (_r, { facilityId }, ctx) => runExpiryCheck(ctx, String(facilityId)),
  }),
  setExpiryWindow: t.int({
    args: { facilityId: t.arg.id({ required: true }), days: t.arg.int({ required: true }) },
    resolve: (_r, { facilityId, days }, ctx) => setExpiryWindow(ctx, String(facilityId), days),
  }),
}));
