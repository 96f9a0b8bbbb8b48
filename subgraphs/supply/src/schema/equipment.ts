import { builder } from '../builder.ts';
import { listEquipment, logMaintenance, maintenanceDue, registerEquipment, updateEquipment } from '../services/equipment.ts';
import { itemById, locationById, maintenanceByEquipment } from '../services/loaders.ts';
import { EquipmentStatus, MaintenanceKind } from './enums.ts';
import { EquipmentRef, ItemRef, LocationRef, MaintenanceRecordRef } from './types.ts';

EquipmentRef.implement({
  description: 'One physical piece of equipment, with its maintenance schedule and log.',
  fields: (t) => ({
    id: t.exposeID('id'),
    serialNumber: t.exposeString('serialNumber'),
    status: t.expose('status', { type: EquipmentStatus }),
    item: t.field({ type: ItemRef, resolve: async (e, _a, ctx) => (await itemById(ctx).load(e.itemId))! }),
    location: t.field({ type: LocationRef, resolve: async (e, _a, ctx) => (await locationById(ctx).load(e.locationId))! }),
    maintenanceIntervalDays: t.exposeInt('maintenanceIntervalDays', { nullable: true }),
    lastMaintainedOn: t.expose('lastMaintainedOn', { type: 'Date', nullable: true }),
    nextMaintenanceDue: t.expose('nextMaintenanceDue', { type: 'Date', nullable: true }),
    maintenanceLog: t.field({ type: [MaintenanceRecordRef], resolve: async (e, _a, ctx) => (await maintenanceByEquipment(ctx).load(e.id)) ?? [] }),
  }),
});

MaintenanceRecordRef.implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    performedOn: t.expose('performedOn', { type: 'Date' }),
    kind: t.expose('kind', { type: MaintenanceKind }),
    notes: t.exposeString('notes', { nullable: true }),
    performedById: t.exposeID('performedBy', { nullable: true }),
    nextDueOn: t.expose('nextDueOn', { type: 'Date', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const RegisterEquipmentInput = builder.inputType('RegisterEquipmentInput', {
  fields: (t) => ({
    itemId: t.id({ required: true }),
    serialNumber: t.string({ required: true }),
    locationId: t.id({ required: true }),
    maintenanceIntervalDays: t.int(),
    lastMaintainedOn: t.field({ type: 'Date' }),
  }),
});

const UpdateEquipmentInput = builder.inputType('UpdateEquipmentInput', {
  fields: (t) => ({
    equipmentId: t.id({ required: true }),
    locationId: t.id(),
    status: t.field({ type: EquipmentStatus }),
    maintenanceIntervalDays: t.int(),
  }),
});

const LogMaintenanceInput = builder.inputType('LogMaintenanceInput', {
  fields: (t) => ({
    equipmentId: t.id({ required: true }),
    performedOn: t.field({ type: 'Date', required: true }),
    kind: t.field({ type: MaintenanceKind, required: true }),
    notes: t.string(),
    nextDueOn: t.field({ type: 'Date', description: 'Overrides performedOn + interval.' }),
  }),
});

builder.queryFields((t) => ({
  equipment: t.field({
    type: [EquipmentRef],
    args: { facilityId: t.arg.id({ required: true }) },
    resolve: (_r, { facilityId }, ctx) => listEquipment(ctx, String(facilityId)),
  }),
  maintenanceDue: t.field({
    type: [EquipmentRef],
    description: 'Equipment in service due for maintenance within `withinDays` (default 0: due today or overdue).',
    args: { facilityId: t.arg.id({ required: true }), withinDays: t.arg.int() },
    resolve: (_r, { facilityId, withinDays }, ctx) => maintenanceDue(ctx, String(facilityId), withinDays),
  }),
}));

builder.mutationFields((t) => ({
  registerEquipment: t.field({
    type: EquipmentRef,
    args: { input: t.arg({ type: RegisterEquipmentInput, required: true }) },
    resolve: (_r, { input }, ctx) => registerEquipment(ctx, input),
  }),
  updateEquipment: t.field({
    type: EquipmentRef,
    args: { input: t.arg({ type: UpdateEquipmentInput, required: true }) },
    resolve: (_r, { input }, ctx) => updateEquipment(ctx, input),
  }),
  logMaintenance: t.field({
    type: MaintenanceRecordRef,
    args: { input: t.arg({ type: LogMaintenanceInput, required: true }) },
    resolve: (_r, { input }, ctx) => logMaintenance(ctx, input),
  }),
}));
