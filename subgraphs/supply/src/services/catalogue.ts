import { badInput, type Context, emitEvent, isUuid, notFound, parseInput, requireCapability, Topics, type Tx, translateDbError } from '@clinigraph/kit';
import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { item, location, stockLevel, supplier } from '../db/schema.ts';
import { code, id, name } from './inputs.ts';
import type { ItemRow, LocationRow } from './lookups.ts';
import { assertFacility } from './scope.ts';

export type SupplierRow = typeof supplier.$inferSelect;

const optionalText = (max: number) => z.string().trim().min(1).max(max).nullish();
const level = z.number().int('must be a whole number').min(0, 'cannot be negative').max(1_000_000);

const itemFields = {
  name,
  unit: z.string().trim().min(1, 'is required').max(40),
  genericName: optionalText(200),
  form: optionalText(60),
  strength: optionalText(60),
  reorderLevel: level,
  reorderQuantity: level,
  preferredSupplierId: id.nullish(),
};

const createItemSchema = z
  .object({
    sku: code,
    kind: z.enum(['medicine', 'consumable', 'equipment', 'reagent']),
    ...itemFields,
    reorderLevel: level.default(0),
    reorderQuantity: level.default(0),
  })
  .refine((v) => v.kind !== 'medicine' || v.genericName, { message: 'is required for a medicine', path: ['genericName'] });

const updateItemSchema = z.object({ ...z.object(itemFields).partial().shape, active: z.boolean().optional() });

const supplierSchema = z.object({
  code,
  name,
  email: z.email('is not an e-mail address').nullish(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{6,20}$/, 'is not a phone number')
    .nullish(),
  leadTimeDays: z.number().int('must be a whole number of days').min(0, 'cannot be negative').max(365, 'must be at most 365 days').nullish(),
});

const locationSchema = z.object({ facilityId: id, code, name, kind: z.enum(['pharmacy', 'ward_cabinet', 'lab', 'store']) });

/** A field's issue, as BAD_USER_INPUT names it for a form. */
const fieldIssue = (path: string, message: string) => badInput(`${path}: ${message}`, [{ path, message }]);

/** The catalogue's unique codes, each reported on the field that repeats one. */
const DUPLICATES = {
  item_sku_unique: () => fieldIssue('sku', 'is already used by another item'),
  supplier_code_uq: () => fieldIssue('code', 'is already used by another supplier'),
  location_facility_code_uq: () => fieldIssue('code', 'is already used by another location at this facility'),
};
const translate = (err: unknown): never => translateDbError(err, DUPLICATES);

async function assertSupplier(db: Context['db'], supplierId: string | null | undefined): Promise<void> {
  if (!supplierId) return;
  const [row] = await db.select({ id: supplier.id }).from(supplier).where(eq(supplier.id, supplierId));
  if (!row) throw fieldIssue('preferredSupplierId', 'no such supplier');
}

/**
 * Items and suppliers are the network's one catalogue, with no facility: whoever holds `catalogue.manage`
 * maintains it for every facility, and every member of staff with `stock.read` reads it.
 */
export async function createItem(ctx: Context, input: unknown): Promise<ItemRow> {
  requireCapability(ctx, 'catalogue.manage');
  const data = parseInput(createItemSchema, input);
  await assertSupplier(ctx.db, data.preferredSupplierId);
  const [row] = await ctx.db.insert(item).values(data).returning().catch(translate);
  return row!;
}

/**
 * Changes an item. When its reorder level changes, the low-stock flag of every facility is
 * re-evaluated under the stock-level locks, and a facility that newly falls at or below it alerts
 * (each stock.low carries its facility, so only that facility's staff receive it).
 */
export async function updateItem(ctx: Context, itemId: string, input: unknown): Promise<ItemRow> {
  const identity = requireCapability(ctx, 'catalogue.manage');
  const data = parseInput(updateItemSchema, input);
  if (!isUuid(itemId)) throw notFound('Item');
  await assertSupplier(ctx.db, data.preferredSupplierId);
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(item).where(eq(item.id, itemId)).for('update');
    if (!current) throw notFound('Item');
    if (current.kind === 'medicine' && data.genericName === null) throw fieldIssue('genericName', 'is required for a medicine');
    const changes = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));
    const [row] = await tx
      .update(item)
      .set({ ...changes, updatedAt: sql`now()` })
      .where(eq(item.id, itemId))
      .returning();
    if (!row) throw notFound('Item');
    if (row.reorderLevel !== current.reorderLevel) await reevaluateLowStock(tx, row, identity.userId);
    return row;
  });
}

async function reevaluateLowStock(tx: Tx, row: ItemRow, actorId: string): Promise<void> {
  const levels = await tx.select().from(stockLevel).where(eq(stockLevel.itemId, row.id)).orderBy(asc(stockLevel.facilityId)).for('update');
  const newlyLow = [];
  for (const l of levels) {
    const low = row.reorderLevel > 0 && l.onHand <= row.reorderLevel;
    if (low === l.belowReorder) continue;
    await tx
      .update(stockLevel)
      .set({ belowReorder: low, lowSince: low ? sql`now()` : null, updatedAt: sql`now()` })
      .where(and(eq(stockLevel.itemId, row.id), eq(stockLevel.facilityId, l.facilityId)));
    if (low) newlyLow.push(l);
  }
  for (const l of newlyLow) {
    await emitEvent(tx, {
      topic: Topics.stockLow,
      entityType: 'Item',
      entityId: row.id,
      facilityId: l.facilityId,
      actorId,
      payload: { itemId: row.id, facilityId: l.facilityId, onHand: l.onHand, reorderLevel: row.reorderLevel, reorderQuantity: row.reorderQuantity },
    });
  }
}

export async function createSupplier(ctx: Context, input: unknown): Promise<SupplierRow> {
  requireCapability(ctx, 'catalogue.manage');
  const data = parseInput(supplierSchema, input);
  const [row] = await ctx.db
    .insert(supplier)
    .values({ ...data, leadTimeDays: data.leadTimeDays ?? 7 })
    .returning()
    .catch(translate);
  return row!;
}

/** A new location at one of the caller's facilities (another facility is NOT_FOUND). */
export async function createLocation(ctx: Context, input: unknown): Promise<LocationRow> {
  requireCapability(ctx, 'catalogue.manage');
  const data = parseInput(locationSchema, input);
  assertFacility(ctx, data.facilityId);
  const [row] = await ctx.db.insert(location).values(data).returning().catch(translate);
  return row!;
}
