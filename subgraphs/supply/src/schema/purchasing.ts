import { isUuid, notFound, requireCapability } from '@clinigraph/kit';
import { and, desc, eq } from 'drizzle-orm';
import { builder } from '../builder.ts';
import { purchaseOrder } from '../db/schema.ts';
import { itemById, linesByPurchaseOrder, locationById, purchaseOrderById, supplierById } from '../services/loaders.ts';
import { changePurchaseOrderStatus, createPurchaseOrder, receivePurchaseOrder } from '../services/purchasing.ts';
import { draftSuggestedPurchaseOrders, suggestPurchaseOrders } from '../services/reorder.ts';
import { assertFacility } from '../services/scope.ts';
import { PurchaseOrderStatus } from './enums.ts';
import { Facility } from './refs.ts';
import {
  ItemRef,
  LocationRef,
  PurchaseOrderLineRef,
  PurchaseOrderReceiptRef,
  PurchaseOrderRef,
  StockMovementRef,
  SuggestedLineRef,
  SuggestedPurchaseOrderRef,
  SupplierRef,
} from './types.ts';

PurchaseOrderRef.implement({
  description: 'An order to a supplier: draft → ordered → partially received → received, or cancelled.',
  fields: (t) => ({
    id: t.exposeID('id'),
    number: t.exposeString('number'),
    status: t.expose('status', { type: PurchaseOrderStatus }),
    note: t.exposeString('note', { nullable: true }),
    supplier: t.field({ type: SupplierRef, resolve: async (po, _a, ctx) => (await supplierById(ctx).load(po.supplierId))! }),
    facility: t.field({ type: Facility, resolve: (po) => ({ id: po.facilityId }) }),
    deliverTo: t.field({ type: LocationRef, resolve: async (po, _a, ctx) => (await locationById(ctx).load(po.deliverToLocationId))! }),
    lines: t.field({ type: [PurchaseOrderLineRef], resolve: async (po, _a, ctx) => (await linesByPurchaseOrder(ctx).load(po.id)) ?? [] }),
    createdById: t.exposeID('createdBy', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    orderedAt: t.expose('orderedAt', { type: 'DateTime', nullable: true }),
    closedAt: t.expose('closedAt', { type: 'DateTime', nullable: true }),
  }),
});

PurchaseOrderLineRef.implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    item: t.field({ type: ItemRef, resolve: async (l, _a, ctx) => (await itemById(ctx).load(l.itemId))! }),
    quantityOrdered: t.exposeInt('quantityOrdered'),
    quantityReceived: t.exposeInt('quantityReceived'),
    outstanding: t.int({ resolve: (l) => Math.max(l.quantityOrdered - l.quantityReceived, 0) }),
    unitCostMinor: t.exposeInt('unitCostMinor', { nullable: true, description: 'Integer minor units of the currency.' }),
  }),
});

PurchaseOrderReceiptRef.implement({
  fields: (t) => ({
    purchaseOrder: t.field({ type: PurchaseOrderRef, resolve: (r) => r.purchaseOrder }),
    operationId: t.exposeID('operationId'),
    movements: t.field({ type: [StockMovementRef], resolve: (r) => r.movements }),
  }),
});

SuggestedLineRef.implement({
  fields: (t) => ({
    item: t.field({ type: ItemRef, resolve: (l) => l.item }),
    onHand: t.exposeInt('onHand'),
    onOrder: t.exposeInt('onOrder', { description: 'Ordered on open purchase orders and not yet received.' }),
    reorderLevel: t.int({ resolve: (l) => l.item.reorderLevel }),
    suggestedQuantity: t.exposeInt('suggestedQuantity'),
  }),
});

SuggestedPurchaseOrderRef.implement({
  description: 'What to order from one supplier: every item at or below its reorder level whose preferred supplier it is.',
  fields: (t) => ({
    supplier: t.field({ type: SupplierRef, nullable: true, resolve: (s, _a, ctx) => (s.supplierId ? supplierById(ctx).load(s.supplierId) : null) }),
    facility: t.field({ type: Facility, resolve: (s) => ({ id: s.facilityId }) }),
    lines: t.field({ type: [SuggestedLineRef], resolve: (s) => s.lines }),
  }),
});

const PurchaseOrderLineInput = builder.inputType('PurchaseOrderLineInput', {
  fields: (t) => ({ itemId: t.id({ required: true }), quantity: t.int({ required: true }), unitCostMinor: t.int() }),
});

const CreatePurchaseOrderInput = builder.inputType('CreatePurchaseOrderInput', {
  fields: (t) => ({
    supplierId: t.id({ required: true }),
    deliverToLocationId: t.id({ required: true }),
    note: t.string(),
    lines: t.field({ type: [PurchaseOrderLineInput], required: true }),
  }),
});

const ReceiptLineInput = builder.inputType('PurchaseOrderReceiptLineInput', {
  description: 'Units of one order line arriving in one lot. A line may arrive in several lots.',
  fields: (t) => ({
    lineId: t.id({ required: true }),
    quantity: t.int({ required: true }),
    lotNumber: t.string({ required: true }),
    expiresOn: t.field({ type: 'Date' }),
  }),
});

const ReceivePurchaseOrderInput = builder.inputType('ReceivePurchaseOrderInput', {
  fields: (t) => ({
    purchaseOrderId: t.id({ required: true }),
    lines: t.field({ type: [ReceiptLineInput], required: true }),
    allowOverReceipt: t.boolean({ description: 'Accept more than is outstanding on a line.' }),
  }),
});

builder.queryFields((t) => ({
  purchaseOrders: t.field({
    type: [PurchaseOrderRef],
    description: 'The purchase orders of a facility of yours (another facility is NOT_FOUND), newest first.',
    args: { facilityId: t.arg.id({ required: true }), status: t.arg({ type: PurchaseOrderStatus }) },
    resolve: (_r, { facilityId, status }, ctx) => {
      requireCapability(ctx, 'stock.read');
      if (!isUuid(String(facilityId))) return [];
      assertFacility(ctx, String(facilityId));
      return ctx.db
        .select()
        .from(purchaseOrder)
        .where(and(eq(purchaseOrder.facilityId, String(facilityId)), status ? eq(purchaseOrder.status, status) : undefined))
        .orderBy(desc(purchaseOrder.createdAt))
        .limit(500);
    },
  }),
  purchaseOrder: t.field({
    type: PurchaseOrderRef,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_r, { id }, ctx) => {
      requireCapability(ctx, 'stock.read');
      const row = isUuid(String(id)) ? await purchaseOrderById(ctx).load(String(id)) : null;
      if (!row) throw notFound('Purchase order');
      return row;
    },
  }),
  suggestedPurchaseOrders: t.field({
    type: [SuggestedPurchaseOrderRef],
    description: 'Everything at or below its reorder level in a facility, less what is already on order, grouped by preferred supplier.',
    args: { facilityId: t.arg.id({ required: true }) },
    resolve: (_r, { facilityId }, ctx) => suggestPurchaseOrders(ctx, String(facilityId)),
  }),
}));

builder.mutationFields((t) => ({
  createPurchaseOrder: t.field({
    type: PurchaseOrderRef,
    args: { input: t.arg({ type: CreatePurchaseOrderInput, required: true }) },
    resolve: (_r, { input }, ctx) => createPurchaseOrder(ctx, input),
  }),
  submitPurchaseOrder: t.field({
    type: PurchaseOrderRef,
    description: 'draft → ordered.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, { id }, ctx) => changePurchaseOrderStatus(ctx, String(id), 'submit'),
  }),
  cancelPurchaseOrder: t.field({
    type: PurchaseOrderRef,
    description: 'draft or ordered → cancelled.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, { id }, ctx) => changePurchaseOrderStatus(ctx, String(id), 'cancel'),
  }),
  receivePurchaseOrder: t.field({
    type: PurchaseOrderReceiptRef,
    description: 'Receives goods into lots at the delivery location; the order becomes partially received or received.',
    args: { input: t.arg({ type: ReceivePurchaseOrderInput, required: true }) },
    resolve: (_r, { input }, ctx) => receivePurchaseOrder(ctx, input),
  }),
  draftSuggestedPurchaseOrders: t.field({
    type: [PurchaseOrderRef],
    description: 'Creates one draft purchase order per preferred supplier from the current suggestion.',
    args: { facilityId: t.arg.id({ required: true }), deliverToLocationId: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) =>
      draftSuggestedPurchaseOrders(ctx, { facilityId: String(args.facilityId), deliverToLocationId: String(args.deliverToLocationId) }),
  }),
}));
