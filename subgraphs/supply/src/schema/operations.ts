import { IDEMPOTENCY_KEY_DESCRIPTION } from '@clinigraph/kit';
import { builder } from '../builder.ts';
import { type DispensedLine, dispensePrescription, dispensePreview, issueStock } from '../services/dispense.ts';
import { stockOperationOnce } from '../services/idempotent-operations.ts';
import { itemById, lotById } from '../services/loaders.ts';
import { ReturnDirection } from './enums.ts';
import { Patient } from './refs.ts';
import { DispensePreviewLineRef, DispenseResultRef, ItemRef, LocationRef, LotAllocationRef, LotRef, StockMovementRef, StockOperationRef } from './types.ts';

LotAllocationRef.implement({
  description: 'Units taken from one lot.',
  fields: (t) => ({
    quantity: t.exposeInt('quantity'),
    lot: t.field({ type: LotRef, resolve: async (a, _x, ctx) => (await lotById(ctx).load(a.lotId))! }),
    lotNumber: t.exposeString('lotNumber'),
    expiresOn: t.expose('expiresOn', { type: 'Date', nullable: true }),
  }),
});

StockOperationRef.implement({
  description: 'One stock-changing transaction and the ledger entries it wrote.',
  fields: (t) => ({
    operationId: t.exposeID('operationId'),
    movements: t.field({ type: [StockMovementRef], resolve: (o) => o.movements }),
  }),
});

const DispensedLineRef = builder.objectRef<DispensedLine>('DispensedLine').implement({
  fields: (t) => ({
    item: t.field({ type: ItemRef, resolve: async (l, _x, ctx) => (await itemById(ctx).load(l.itemId))! }),
    prescriptionItemId: t.exposeID('prescriptionItemId', { nullable: true }),
    quantity: t.exposeInt('quantity'),
    allocations: t.field({ type: [LotAllocationRef], description: 'The lots it came from, FEFO.', resolve: (l) => l.allocations }),
  }),
});

DispenseResultRef.implement({
  fields: (t) => ({
    operationId: t.exposeID('operationId', { description: 'The dispense id (entityId of its stock.dispensed event).' }),
    prescriptionId: t.exposeID('prescriptionId', { nullable: true }),
    patient: t.field({ type: Patient, nullable: true, resolve: (d) => (d.patientId ? { id: d.patientId } : null) }),
    location: t.field({ type: LocationRef, resolve: (d) => d.location }),
    lines: t.field({ type: [DispensedLineRef], resolve: (d) => d.lines }),
    movements: t.field({ type: [StockMovementRef], resolve: (d) => d.movements }),
  }),
});

DispensePreviewLineRef.implement({
  fields: (t) => ({
    item: t.field({ type: ItemRef, resolve: async (l, _x, ctx) => (await itemById(ctx).load(l.itemId))! }),
    requested: t.exposeInt('requested'),
    available: t.exposeInt('available', { description: 'Unexpired units at the location.' }),
    sufficient: t.exposeBoolean('sufficient'),
    allocations: t.field({ type: [LotAllocationRef], resolve: (l) => l.allocations }),
  }),
});

const DispenseLineInput = builder.inputType('DispenseLineInput', {
  fields: (t) => ({
    itemId: t.id({ required: true }),
    quantity: t.int({ required: true }),
    prescriptionItemId: t.id({ description: "Care's id of the prescription line this fills (else the first line of this item); echoed in stock.dispensed." }),
  }),
});

const PickLineInput = builder.inputType('StockLineInput', {
  description: 'An item and quantity; FEFO chooses the lots unless lotId names one.',
  fields: (t) => ({ itemId: t.id({ required: true }), quantity: t.int({ required: true }), lotId: t.id() }),
});

const inputs = {
  dispense: builder.inputType('DispensePrescriptionInput', {
    fields: (t) => ({
      prescriptionId: t.id({ required: true, description: 'Care’s prescription. Its patient and visit are taken from care, never from the client.' }),
      locationId: t.id({ required: true }),
      lines: t.field({ type: [DispenseLineInput], required: true }),
    }),
  }),
  preview: builder.inputType('DispensePreviewInput', {
    fields: (t) => ({ locationId: t.id({ required: true }), lines: t.field({ type: [PickLineInput], required: true }) }),
  }),
  issue: builder.inputType('IssueStockInput', {
    description: 'A direct issue to a ward or a patient. Nurses may issue only from a ward cabinet.',
    fields: (t) => ({
      locationId: t.id({ required: true }),
      patientId: t.id(),
      encounterId: t.id(),
      ward: t.string(),
      reason: t.string(),
      lines: t.field({ type: [PickLineInput], required: true }),
    }),
  }),
  receive: builder.inputType('ReceiveStockInput', {
    description: 'A delivery without a purchase order (donation, opening balance). Use receivePurchaseOrder for orders.',
    fields: (t) => ({
      itemId: t.id({ required: true }),
      locationId: t.id({ required: true }),
      lotNumber: t.string({ required: true }),
      expiresOn: t.field({ type: 'Date' }),
      quantity: t.int({ required: true }),
      supplierId: t.id(),
      reference: t.string({ required: true, description: 'The delivery note or other document.' }),
      reason: t.string(),
    }),
  }),
  transfer: builder.inputType('TransferStockInput', {
    fields: (t) => ({
      fromLocationId: t.id({ required: true }),
      toLocationId: t.id({ required: true }),
      reason: t.string(),
      lines: t.field({ type: [PickLineInput], required: true }),
    }),
  }),
  adjust: builder.inputType('AdjustStockInput', {
    fields: (t) => ({
      lotId: t.id({ required: true }),
      locationId: t.id({ required: true }),
      quantityChange: t.int({ required: true, description: 'Signed, non-zero.' }),
      reason: t.string({ required: true }),
    }),
  }),
  writeOff: builder.inputType('WriteOffStockInput', {
    fields: (t) => ({
      lotId: t.id({ required: true }),
      locationId: t.id({ required: true }),
      quantity: t.int({ description: 'Everything the location holds of the lot when absent.' }),
      expired: t.boolean({ description: 'An expiry write-off; the lot must have expired.' }),
      reason: t.string({ description: 'Required unless expired.' }),
    }),
  }),
  return: builder.inputType('ReturnStockInput', {
    fields: (t) => ({
      lotId: t.id({ required: true }),
      locationId: t.id({ required: true }),
      quantity: t.int({ required: true }),
      direction: t.field({ type: ReturnDirection, required: true }),
      patientId: t.id(),
      ward: t.string(),
      supplierId: t.id(),
      reason: t.string({ required: true }),
    }),
  }),
};

builder.queryFields((t) => ({
  dispensePreview: t.field({
    type: [DispensePreviewLineRef],
    description: 'Which lots FEFO would take now, without taking them.',
    args: { input: t.arg({ type: inputs.preview, required: true }) },
    resolve: (_r, { input }, ctx) => dispensePreview(ctx, input),
  }),
}));

builder.mutationFields((t) => ({
  dispensePrescription: t.field({
    type: DispenseResultRef,
    description:
      'Dispenses against a prescription, FEFO over unexpired lots: all of it, or an error and nothing written. The prescription is read from care: INVALID_STATE unless finalised or partly dispensed and unexpired; NOT_FOUND if care does not know it; BAD_USER_INPUT for a line not on it or more than is left of what was prescribed (rule MORE_THAN_PRESCRIBED); SERVICE_UNAVAILABLE if care does not answer; INSUFFICIENT_STOCK.',
    args: { input: t.arg({ type: inputs.dispense, required: true }) },
    resolve: (_r, { input }, ctx) => dispensePrescription(ctx, input),
  }),
  issueStock: t.field({
    type: DispenseResultRef,
    args: { input: t.arg({ type: inputs.issue, required: true }) },
    resolve: (_r, { input }, ctx) => issueStock(ctx, input),
  }),
  receiveStock: t.field({
    type: StockOperationRef,
    args: { input: t.arg({ type: inputs.receive, required: true }), idempotencyKey: t.arg.string({ description: IDEMPOTENCY_KEY_DESCRIPTION }) },
    resolve: (_r, { input, idempotencyKey }, ctx) => stockOperationOnce(ctx, 'receiveStock', input, idempotencyKey),
  }),
  transferStock: t.field({
    type: StockOperationRef,
    args: { input: t.arg({ type: inputs.transfer, required: true }), idempotencyKey: t.arg.string({ description: IDEMPOTENCY_KEY_DESCRIPTION }) },
    resolve: (_r, { input, idempotencyKey }, ctx) => stockOperationOnce(ctx, 'transferStock', input, idempotencyKey),
  }),
  adjustStock: t.field({
    type: StockOperationRef,
    args: { input: t.arg({ type: inputs.adjust, required: true }), idempotencyKey: t.arg.string({ description: IDEMPOTENCY_KEY_DESCRIPTION }) },
    resolve: (_r, { input, idempotencyKey }, ctx) => stockOperationOnce(ctx, 'adjustStock', input, idempotencyKey),
  }),
  writeOffStock: t.field({
    type: StockOperationRef,
    args: { input: t.arg({ type: inputs.writeOff, required: true }), idempotencyKey: t.arg.string({ description: IDEMPOTENCY_KEY_DESCRIPTION }) },
    resolve: (_r, { input, idempotencyKey }, ctx) => stockOperationOnce(ctx, 'writeOffStock', input, idempotencyKey),
  }),
  returnStock: t.field({
    type: StockOperationRef,
    args: { input: t.arg({ type: inputs.return, required: true }), idempotencyKey: t.arg.string({ description: IDEMPOTENCY_KEY_DESCRIPTION }) },
    resolve: (_r, { input, idempotencyKey }, ctx) => stockOperationOnce(ctx, 'returnStock', input, idempotencyKey),
  }),
}));
