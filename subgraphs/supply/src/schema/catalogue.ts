import { isUuid, notFound, requireCapability } from '@clinigraph/kit';
import { and, asc, eq, ilike, or } from 'drizzle-orm';
import { builder } from '../builder.ts';
import { item, location, supplier } from '../db/schema.ts';
import { createItem, createLocation, createSupplier, updateItem } from '../services/catalogue.ts';
import { balancesByItem, balancesByLocation, itemById, levelByItemFacility, locationById, lotsByItem, supplierById } from '../services/loaders.ts';
import { assertFacility } from '../services/scope.ts';
import { ItemKind, LocationKind } from './enums.ts';
import { Facility } from './refs.ts';
import { ItemRef, LocationRef, LotRef, StockBalanceRef, SupplierRef } from './types.ts';

/** An item's stock level at a facility of the caller's (another facility is NOT_FOUND; a malformed id holds nothing). */
async function levelAt(ctx: Parameters<typeof levelByItemFacility>[0], itemId: string, facilityId: string) {
  if (!isUuid(facilityId)) return null;
  assertFacility(ctx, facilityId);
  return levelByItemFacility(ctx).load(`${itemId}|${facilityId}`);
}

ItemRef.implement({
  description: 'Something the clinic stocks: a medicine, consumable, piece of equipment or reagent. Care prescriptions refer to medicines by id.',
  fields: (t) => ({
    id: t.exposeID('id'),
    sku: t.exposeString('sku'),
    name: t.exposeString('name'),
    kind: t.expose('kind', { type: ItemKind }),
    unit: t.exposeString('unit', { description: 'Unit of measure every quantity of this item is counted in.' }),
    genericName: t.exposeString('genericName', { nullable: true }),
    form: t.exposeString('form', { nullable: true }),
    strength: t.exposeString('strength', { nullable: true }),
    reorderLevel: t.exposeInt('reorderLevel', { description: 'At or below this much on hand in a facility, the item is low and alerts once.' }),
    reorderQuantity: t.exposeInt('reorderQuantity'),
    active: t.exposeBoolean('active'),
    preferredSupplier: t.field({
      type: SupplierRef,
      nullable: true,
      resolve: (i, _a, ctx) => (i.preferredSupplierId ? supplierById(ctx).load(i.preferredSupplierId) : null),
    }),
    onHand: t.int({
      description: 'Units held in a facility of yours, all lots and locations.',
      args: { facilityId: t.arg.id({ required: true }) },
      resolve: async (i, { facilityId }, ctx) => (await levelAt(ctx, i.id, String(facilityId)))?.onHand ?? 0,
    }),
    lowStock: t.boolean({
      description: 'Whether the item is at or below its reorder level in a facility.',
      args: { facilityId: t.arg.id({ required: true }) },
      resolve: async (i, { facilityId }, ctx) => (await levelAt(ctx, i.id, String(facilityId)))?.belowReorder ?? false,
    }),
    lots: t.field({ type: [LotRef], description: 'Lots, earliest expiry first.', resolve: async (i, _a, ctx) => (await lotsByItem(ctx).load(i.id)) ?? [] }),
    balances: t.field({
      type: [StockBalanceRef],
      description: "Non-zero balances in every location of the caller's facilities.",
      resolve: async (i, _a, ctx) => (await balancesByItem(ctx).load(i.id)) ?? [],
    }),
  }),
});

SupplierRef.implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    email: t.exposeString('email', { nullable: true }),
    phone: t.exposeString('phone', { nullable: true }),
    leadTimeDays: t.exposeInt('leadTimeDays'),
    active: t.exposeBoolean('active'),
  }),
});

LocationRef.implement({
  description: 'A place stock is kept in a facility: a pharmacy, a ward cabinet, a lab or a store.',
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    kind: t.expose('kind', { type: LocationKind }),
    active: t.exposeBoolean('active'),
    facility: t.field({ type: Facility, resolve: (l) => ({ id: l.facilityId }) }),
    balances: t.field({
      type: [StockBalanceRef],
      description: 'Non-zero balances held here.',
      resolve: async (l, _a, ctx) => (await balancesByLocation(ctx).load(l.id)) ?? [],
    }),
  }),
});

// Supply is staff information: a patient (or anyone without a staff role) is refused, on _entities too.
// The catalogue is network-wide (no facility): every item resolves for staff of any facility.
builder.asEntity(ItemRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: ({ id }, ctx) => {
    requireCapability(ctx, 'stock.read');
    return isUuid(id) ? itemById(ctx).load(id) : null;
  },
});

// Another facility's location resolves to null, as a missing one (the loader is scoped).
builder.asEntity(LocationRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: ({ id }, ctx) => {
    requireCapability(ctx, 'stock.read');
    return isUuid(id) ? locationById(ctx).load(id) : null;
  },
});

const ItemInput = builder.inputType('CreateItemInput', {
  fields: (t) => ({
    sku: t.string({ required: true }),
    name: t.string({ required: true }),
    kind: t.field({ type: ItemKind, required: true }),
    unit: t.string({ required: true }),
    genericName: t.string(),
    form: t.string(),
    strength: t.string(),
    reorderLevel: t.int(),
    reorderQuantity: t.int(),
    preferredSupplierId: t.id(),
  }),
});

const UpdateItemInput = builder.inputType('UpdateItemInput', {
  description: 'Only the fields given change; null clears an optional field.',
  fields: (t) => ({
    name: t.string(),
    unit: t.string(),
    genericName: t.string(),
    form: t.string(),
    strength: t.string(),
    reorderLevel: t.int(),
    reorderQuantity: t.int(),
    preferredSupplierId: t.id(),
    active: t.boolean(),
  }),
});

const SupplierInput = builder.inputType('CreateSupplierInput', {
  fields: (t) => ({
    code: t.string({ required: true }),
    name: t.string({ required: true }),
    email: t.string(),
    phone: t.string(),
    leadTimeDays: t.int(),
  }),
});

const LocationInput = builder.inputType('CreateLocationInput', {
  fields: (t) => ({
    facilityId: t.id({ required: true }),
    code: t.string({ required: true }),
    name: t.string({ required: true }),
    kind: t.field({ type: LocationKind, required: true }),
  }),
});

const escapeLike = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

builder.queryFields((t) => ({
  // The catalogue of items and suppliers has no facility: the whole network's, readable by all staff with stock.read.
  items: t.field({
    type: [ItemRef],
    args: { kind: t.arg({ type: ItemKind }), search: t.arg.string(), includeInactive: t.arg.boolean() },
    resolve: (_r, { kind, search, includeInactive }, ctx) => {
      requireCapability(ctx, 'stock.read');
      const term = search?.trim();
      return ctx.db
        .select()
        .from(item)
        .where(
          and(
            kind ? eq(item.kind, kind) : undefined,
            includeInactive ? undefined : eq(item.active, true),
            term ? or(ilike(item.name, escapeLike(term)), ilike(item.sku, escapeLike(term)), ilike(item.genericName, escapeLike(term))) : undefined,
          ),
        )
        .orderBy(asc(item.name))
        .limit(500);
    },
  }),
  item: t.field({
    type: ItemRef,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_r, { id }, ctx) => {
      requireCapability(ctx, 'stock.read');
      const row = isUuid(String(id)) ? await itemById(ctx).load(String(id)) : null;
      if (!row) throw notFound('Item');
      return row;
    },
  }),
  suppliers: t.field({
    type: [SupplierRef],
    resolve: (_r, _a, ctx) => {
      requireCapability(ctx, 'stock.read');
      return ctx.db.select().from(supplier).orderBy(asc(supplier.name));
    },
  }),
  locations: t.field({
    type: [LocationRef],
    args: { facilityId: t.arg.id({ required: true }), kind: t.arg({ type: LocationKind }) },
    description: 'The locations of a facility of yours (another facility is NOT_FOUND).',
    resolve: (_r, { facilityId, kind }, ctx) => {
      requireCapability(ctx, 'stock.read');
      if (!isUuid(String(facilityId))) return [];
      assertFacility(ctx, String(facilityId));
      return ctx.db
        .select()
        .from(location)
        .where(and(eq(location.facilityId, String(facilityId)), kind ? eq(location.kind, kind) : undefined))
        .orderBy(asc(location.name));
    },
  }),
  location: t.field({
    type: LocationRef,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_r, { id }, ctx) => {
      requireCapability(ctx, 'stock.read');
      const row = isUuid(String(id)) ? await locationById(ctx).load(String(id)) : null;
      if (!row) throw notFound('Location');
      return row;
    },
  }),
}));

builder.mutationFields((t) => ({
  createItem: t.field({ type: ItemRef, args: { input: t.arg({ type: ItemInput, required: true }) }, resolve: (_r, { input }, ctx) => createItem(ctx, input) }),
  updateItem: t.field({
    type: ItemRef,
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateItemInput, required: true }) },
    resolve: (_r, { id, input }, ctx) => updateItem(ctx, String(id), input),
  }),
  createSupplier: t.field({
    type: SupplierRef,
    args: { input: t.arg({ type: SupplierInput, required: true }) },
    resolve: (_r, { input }, ctx) => createSupplier(ctx, input),
  }),
  createLocation: t.field({
    type: LocationRef,
    args: { input: t.arg({ type: LocationInput, required: true }) },
    resolve: (_r, { input }, ctx) => createLocation(ctx, input),
  }),
}));
