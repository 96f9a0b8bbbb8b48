import { connectionType, decodeCursor, isUuid, notFound, pageSize, requireCapability, toPage } from '@clinigraph/kit';
import { and, desc, eq, gt, inArray, lt } from 'drizzle-orm';
import { builder } from '../builder.ts';
import { location, stockBalance, stockMovement } from '../db/schema.ts';
import { balancesByLot, itemById, locationById, lotById } from '../services/loaders.ts';
import { stockReconciliation } from '../services/reconcile.ts';
import { assertFacility, inScopeLocation } from '../services/scope.ts';
import { MovementKind, MovementReference } from './enums.ts';
import { Patient } from './refs.ts';
import { ItemRef, LocationRef, LotRef, ReconciliationRef, StockBalanceRef, StockMovementRef } from './types.ts';

const loadItem = async (ctx: Parameters<typeof itemById>[0], id: string) => (await itemById(ctx).load(id))!;
const loadLocationRow = async (ctx: Parameters<typeof locationById>[0], id: string) => (await locationById(ctx).load(id))!;
const loadLotRow = async (ctx: Parameters<typeof lotById>[0], id: string) => (await lotById(ctx).load(id))!;

LotRef.implement({
  description: 'A batch of one item, with its lot number and expiry date.',
  fields: (t) => ({
    id: t.exposeID('id'),
    lotNumber: t.exposeString('lotNumber'),
    expiresOn: t.expose('expiresOn', { type: 'Date', nullable: true, description: 'The first day the lot may no longer be used; null if it does not expire.' }),
    item: t.field({ type: ItemRef, resolve: (l, _a, ctx) => loadItem(ctx, l.itemId) }),
    balances: t.field({ type: [StockBalanceRef], resolve: async (l, _a, ctx) => (await balancesByLot(ctx).load(l.id)) ?? [] }),
  }),
});

// A lot another facility's ledger alone holds resolves to null, as a missing one (services/scope.ts).
builder.asEntity(LotRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: ({ id }, ctx) => {
    requireCapability(ctx, 'stock.read');
    return isUuid(id) ? lotById(ctx).load(id) : null;
  },
});

StockBalanceRef.implement({
  description: 'How much of one lot one location holds. Never negative: a database CHECK enforces it.',
  fields: (t) => ({
    quantity: t.exposeInt('quantity'),
    item: t.field({ type: ItemRef, resolve: (b, _a, ctx) => loadItem(ctx, b.itemId) }),
    lot: t.field({ type: LotRef, resolve: (b, _a, ctx) => loadLotRow(ctx, b.lotId) }),
    location: t.field({ type: LocationRef, resolve: (b, _a, ctx) => loadLocationRow(ctx, b.locationId) }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

StockMovementRef.implement({
  description: 'One append-only ledger entry: a signed change of one lot at one location, with who, when, why and what it refers to.',
  fields: (t) => ({
    id: t.id({ resolve: (m) => String(m.id) }),
    operationId: t.exposeID('operationId', { description: 'Movements written together (a transfer, a dispense over two lots) share it.' }),
    kind: t.expose('kind', { type: MovementKind }),
    quantity: t.exposeInt('quantity', { description: 'Signed: positive into the location, negative out of it.' }),
    reason: t.exposeString('reason', { nullable: true }),
    referenceType: t.expose('referenceType', { type: MovementReference }),
    referenceId: t.exposeString('referenceId'),
    actorId: t.exposeID('actorId', { nullable: true, description: 'The user who moved it; null for the system.' }),
    occurredAt: t.expose('occurredAt', { type: 'DateTime' }),
    item: t.field({ type: ItemRef, resolve: (m, _a, ctx) => loadItem(ctx, m.itemId) }),
    lot: t.field({ type: LotRef, resolve: (m, _a, ctx) => loadLotRow(ctx, m.lotId) }),
    location: t.field({ type: LocationRef, resolve: (m, _a, ctx) => loadLocationRow(ctx, m.locationId) }),
    patient: t.field({ type: Patient, nullable: true, resolve: (m) => (m.patientId ? { id: m.patientId } : null) }),
  }),
});

const StockMovementConnection = connectionType(builder, 'StockMovement', StockMovementRef);

const MovementFilter = builder.inputType('StockMovementFilter', {
  fields: (t) => ({
    facilityId: t.id(),
    itemId: t.id(),
    lotId: t.id(),
    locationId: t.id(),
    kind: t.field({ type: MovementKind }),
    referenceType: t.field({ type: MovementReference }),
    referenceId: t.string({ description: 'E.g. a prescription id, a purchase order line id.' }),
  }),
});

const BalanceFilter = builder.inputType('StockBalanceFilter', {
  fields: (t) => ({ facilityId: t.id(), itemId: t.id(), locationId: t.id(), lotId: t.id() }),
});

/** Only ids that can exist: an id that is not a UUID matches nothing rather than failing. */
const idOr = (value: string | number | null | undefined) =>
  value == null ? undefined : isUuid(String(value)) ? String(value) : '00000000-0000-0000-0000-000000000000';

/** A facility filter: one of the caller's facilities (another is NOT_FOUND), or none. */
const facilityFilter = (ctx: Parameters<typeof assertFacility>[0], value: string | number | null | undefined) => {
  const facilityId = idOr(value);
  if (facilityId) assertFacility(ctx, facilityId);
  return facilityId;
};

builder.queryFields((t) => ({
  lot: t.field({
    type: LotRef,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_r, { id }, ctx) => {
      requireCapability(ctx, 'stock.read');
      const row = isUuid(String(id)) ? await lotById(ctx).load(String(id)) : null;
      if (!row) throw notFound('Lot');
      return row;
    },
  }),
  stockBalances: t.field({
    type: [StockBalanceRef],
    description: "Non-zero balances matching every filter given, at the caller's facilities (another facility in the filter is NOT_FOUND).",
    args: { filter: t.arg({ type: BalanceFilter }) },
    resolve: (_r, { filter }, ctx) => {
      requireCapability(ctx, 'stock.read');
      const facilityId = facilityFilter(ctx, filter?.facilityId);
      const itemId = idOr(filter?.itemId);
      const locationId = idOr(filter?.locationId);
      const lotId = idOr(filter?.lotId);
      return ctx.db
        .select()
        .from(stockBalance)
        .where(
          and(
            gt(stockBalance.quantity, 0),
            itemId ? eq(stockBalance.itemId, itemId) : undefined,
            locationId ? eq(stockBalance.locationId, locationId) : undefined,
            lotId ? eq(stockBalance.lotId, lotId) : undefined,
            facilityId
              ? inArray(stockBalance.locationId, ctx.db.select({ id: location.id }).from(location).where(eq(location.facilityId, facilityId)))
              : inScopeLocation(ctx, stockBalance.locationId),
          ),
        )
        .orderBy(stockBalance.itemId, stockBalance.locationId, stockBalance.lotId)
        .limit(1000);
    },
  }),
  stockMovements: t.field({
    type: StockMovementConnection,
    description: "The ledger of the caller's facilities, newest first (another facility in the filter is NOT_FOUND).",
    args: { filter: t.arg({ type: MovementFilter }), first: t.arg.int(), after: t.arg.string() },
    resolve: async (_r, { filter, first, after }, ctx) => {
      requireCapability(ctx, 'stock.read');
      const size = pageSize(first);
      const cursor = decodeCursor(after);
      const facilityId = facilityFilter(ctx, filter?.facilityId);
      const itemId = idOr(filter?.itemId);
      const lotId = idOr(filter?.lotId);
      const locationId = idOr(filter?.locationId);
      const rows = await ctx.db
        .select()
        .from(stockMovement)
        .where(
          and(
            cursor ? lt(stockMovement.id, Number(cursor[0])) : undefined,
            itemId ? eq(stockMovement.itemId, itemId) : undefined,
            lotId ? eq(stockMovement.lotId, lotId) : undefined,
            locationId ? eq(stockMovement.locationId, locationId) : undefined,
            filter?.kind ? eq(stockMovement.kind, filter.kind) : undefined,
            filter?.referenceType ? eq(stockMovement.referenceType, filter.referenceType) : undefined,
            filter?.referenceId ? eq(stockMovement.referenceId, filter.referenceId) : undefined,
            facilityId
              ? inArray(stockMovement.locationId, ctx.db.select({ id: location.id }).from(location).where(eq(location.facilityId, facilityId)))
              : inScopeLocation(ctx, stockMovement.locationId),
          ),
        )
        .orderBy(desc(stockMovement.id))
        .limit(size + 1);
      const page = toPage(rows, size, (m) => [m.id]);
      for (const { node } of page.edges) {
        if (node.patientId) ctx.audit.record({ action: 'read', entityType: 'StockMovement', entityId: String(node.id), patientId: node.patientId });
      }
      return page;
    },
  }),
  stockReconciliation: t.field({
    type: ReconciliationRef,
    description: 'Proves every balance equals the sum of its movements, and every stock level the sum of its balances.',
    args: { facilityId: t.arg.id() },
    resolve: (_r, { facilityId }, ctx) => stockReconciliation(ctx, facilityId == null ? null : String(facilityId)),
  }),
}));

const BalanceMismatchRef = builder
  .objectRef<{ itemId: string; lotId: string; locationId: string; balance: number; ledger: number }>('BalanceMismatch')
  .implement({
    fields: (t) => ({
      itemId: t.exposeID('itemId'),
      lotId: t.exposeID('lotId'),
      locationId: t.exposeID('locationId'),
      balance: t.exposeInt('balance'),
      ledger: t.float({ description: 'Sum of the movements (may exceed 32 bits).', resolve: (m) => m.ledger }),
    }),
  });

const LevelMismatchRef = builder.objectRef<{ itemId: string; facilityId: string; onHand: number; balances: number }>('StockLevelMismatch').implement({
  fields: (t) => ({
    itemId: t.exposeID('itemId'),
    facilityId: t.exposeID('facilityId'),
    onHand: t.exposeInt('onHand'),
    balances: t.float({ resolve: (m) => m.balances }),
  }),
});

ReconciliationRef.implement({
  fields: (t) => ({
    ok: t.exposeBoolean('ok'),
    facilityId: t.exposeID('facilityId', { nullable: true }),
    movementCount: t.float({ resolve: (r) => r.movementCount }),
    balanceCount: t.int({ resolve: (r) => r.balanceCount }),
    ledgerTotal: t.float({ resolve: (r) => r.ledgerTotal }),
    balanceTotal: t.float({ resolve: (r) => r.balanceTotal }),
    balanceMismatches: t.field({ type: [BalanceMismatchRef], resolve: (r) => r.balanceMismatches }),
    levelMismatches: t.field({ type: [LevelMismatchRef], resolve: (r) => r.levelMismatches }),
    durationMs: t.exposeInt('durationMs'),
  }),
});
