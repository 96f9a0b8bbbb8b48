import {
  boundedInt,
  type Context,
  decodeCursor,
  invalidState,
  notFound,
  type Page,
  pageSize,
  parseInput,
  requireCapability,
  type Tx,
  toPage,
} from '@clinigraph/kit';
import { and, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { charge, priceListEntry } from '../db/schema.ts';
import { basisPointsInput, currencyInput, priceInput } from '../money.ts';
import { assertInScope, assertOwnFacility, facilitiesOf, inScope, validId } from './access.ts';
import type { ChargeRow } from './loaders.ts';

const serviceTypes = ['consultation', 'procedure', 'lab_test', 'medicine', 'other'] as const;
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const manualChargeInput = z
  .object({
    patientId: z.uuid(),
    facilityId: z.uuid(),
    providerId: z.uuid().nullish(),
    encounterId: z.uuid().nullish(),
    priceListEntryId: z.uuid().nullish(),
    serviceType: z.enum(serviceTypes).nullish(),
    code: z.string().trim().min(1).max(40).nullish(),
    description: z.string().trim().min(1).max(200).nullish(),
    unitPriceMinor: priceInput.nullish(),
    currency: currencyInput.nullish(),
    taxRateBp: basisPointsInput.nullish(),
    quantity: boundedInt(1, 10_000),
    serviceDate: isoDate,
  })
  .refine((v) => v.priceListEntryId || (v.code && v.description && v.unitPriceMinor != null && v.currency), {
    message: 'Give a price list entry, or a code, description, unit price and currency',
  });

export type ManualChargeInput = z.input<typeof manualChargeInput>;

/** A charge billing staff enter by hand, at a price list entry's price or at a stated price. */
export async function createManualCharge(ctx: Context, raw: ManualChargeInput): Promise<ChargeRow> {
  const identity = requireCapability(ctx, 'invoice.manage');
  const input = parseInput(manualChargeInput, raw);
  assertOwnFacility(ctx, input.facilityId);
  return ctx.db.transaction(async (tx) => {
    const [entry] = input.priceListEntryId ? await tx.select().from(priceListEntry).where(eq(priceListEntry.id, input.priceListEntryId)) : [];
    // A price is the price at its own facility: another facility's entry is not there for this charge.
    if (input.priceListEntryId && entry?.facilityId !== input.facilityId) throw notFound('Price list entry');
    const [row] = await tx
      .insert(charge)
      .values({
        patientId: input.patientId,
        facilityId: input.facilityId,
        providerId: input.providerId ?? entry?.providerId ?? null,
        encounterId: input.encounterId ?? null,
        sourceType: 'manual',
        serviceType: entry?.serviceType ?? input.serviceType ?? 'other',
        priceListEntryId: entry?.id ?? null,
        code: entry?.code ?? input.code!,
        description: input.description ?? entry!.description,
        quantity: input.quantity,
        unitPriceMinor: entry?.amountMinor ?? input.unitPriceMinor!,
        taxRateBp: entry?.taxRateBp ?? input.taxRateBp ?? 0,
        currency: entry?.currency ?? input.currency!,
        serviceDate: input.serviceDate,
        createdBy: identity.userId,
      })
      .returning();
    if (!row) throw new Error('charge insert returned nothing');
    await ctx.audit.write(tx, { action: 'create', entityType: 'Charge', entityId: row.id, patientId: row.patientId, detail: { manual: true } });
    return row;
  });
}

async function lockCharge(ctx: Context, tx: Tx, id: string): Promise<ChargeRow> {
  const [row] = await tx
    .select()
    .from(charge)
    .where(eq(charge.id, validId(id, 'Charge')))
    .for('update');
  if (!row) throw notFound('Charge');
  assertInScope(ctx, row.facilityId, 'Charge');
  if (row.status === 'void') throw invalidState('This charge is already void');
  if (row.status === 'invoiced') throw invalidState('This charge is on an invoice: remove it from the draft, or correct the issued invoice with a credit note');
  return row;
}

/** Voids a charge not yet invoiced, keeping it (and its source key, so a replay cannot recreate it). */
export async function voidCharge(ctx: Context, id: string, rawReason: string): Promise<ChargeRow> {
  const identity = requireCapability(ctx, 'invoice.manage');
  const reason = parseInput(z.string().trim().min(3, 'A reason is required').max(500), rawReason);
  return ctx.db.transaction(async (tx) => {
    const row = await lockCharge(ctx, tx, id);
    const [updated] = await tx
      .update(charge)
      .set({ status: 'void', voidReason: reason, voidedAt: new Date(), voidedBy: identity.userId })
      .where(eq(charge.id, row.id))
      .returning();
    await ctx.audit.write(tx, { action: 'update', entityType: 'Charge', entityId: row.id, patientId: row.patientId, detail: { voided: reason } });
    return updated!;
  });
}

/** Sets the price of a pending charge the price list did not cover. */
export async function priceCharge(ctx: Context, id: string, raw: { unitPriceMinor: number; taxRateBp?: number | null }): Promise<ChargeRow> {
  requireCapability(ctx, 'invoice.manage');
  const input = parseInput(z.object({ unitPriceMinor: priceInput, taxRateBp: basisPointsInput.nullish() }), raw);
  return ctx.db.transaction(async (tx) => {
    const row = await lockCharge(ctx, tx, id);
    const [updated] = await tx
      .update(charge)
      .set({ unitPriceMinor: input.unitPriceMinor, taxRateBp: input.taxRateBp ?? row.taxRateBp, unpriced: false })
      .where(eq(charge.id, row.id))
      .returning();
    await ctx.audit.write(tx, {
      action: 'update',
      entityType: 'Charge',
      entityId: row.id,
      patientId: row.patientId,
      detail: { unitPriceMinor: input.unitPriceMinor, previous: row.unitPriceMinor },
    });
    return updated!;
  });
}

export interface ChargeListArgs {
  patientId?: string | null;
  encounterId?: string | null;
  status?: ChargeRow['status'] | null;
  first?: number | null;
  after?: string | null;
}

/** Charges at the caller's facilities, newest first in (createdAt, id) cursor order; audited. */
export async function listCharges(ctx: Context, args: ChargeListArgs): Promise<Page<ChargeRow>> {
  requireCapability(ctx, 'finance.read');
  const first = pageSize(args.first);
  const after = decodeCursor(args.after);
  const rows = await ctx.db
    .select()
    .from(charge)
    .where(
      and(
        inScope(facilitiesOf(ctx), charge.facilityId),
        args.patientId ? eq(charge.patientId, validId(args.patientId, 'Patient')) : undefined,
        args.encounterId ? eq(charge.encounterId, validId(args.encounterId, 'Encounter')) : undefined,
        args.status ? eq(charge.status, args.status) : undefined,
        after ? sql`(${charge.createdAt}, ${charge.id}) < (${String(after[0])}::timestamptz, ${String(after[1])}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(charge.createdAt), desc(charge.id))
    .limit(first + 1);
  const page = toPage(rows, first, (c) => [c.createdAt.toISOString(), c.id]);
  ctx.audit.record({ action: 'search', entityType: 'Charge', patientId: args.patientId ?? null, detail: { returned: page.edges.length } });
  for (const { node } of page.edges) ctx.audit.record({ action: 'read', entityType: 'Charge', entityId: node.id, patientId: node.patientId });
  return page;
}
