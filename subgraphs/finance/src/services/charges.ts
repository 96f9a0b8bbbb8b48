import { boundedInt, type Context, invalidState, notFound, parseInput, requireCapability, type Tx } from '@clinigraph/kit';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { charge, priceListEntry } from '../db/schema.ts';
import { basisPointsInput, currencyInput, priceInput } from '../money.ts';
import { validId } from './access.ts';
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
  return ctx.db.transaction(async (tx) => {
    const [entry] = input.priceListEntryId ? await tx.select().from(priceListEntry).where(eq(priceListEntry.id, input.priceListEntryId)) : [];
    if (input.priceListEntryId && !entry) throw notFound('Price list entry');
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

async function lockCharge(tx: Tx, id: string): Promise<ChargeRow> {
  const [row] = await tx
    .select()
    .from(charge)
    .where(eq(charge.id, validId(id, 'Charge')))
    .for('update');
  if (!row) throw notFound('Charge');
  if (row.status === 'void') throw invalidState('This charge is already void');
  if (row.status === 'invoiced') throw invalidState('This charge is on an invoice: remove it from the draft, or correct the issued invoice with a credit note');
  return row;
}

/** Voids a charge not yet invoiced, keeping it (and its source key, so a replay cannot recreate it). */
export async function voidCharge(ctx: Context, id: string, rawReason: string): Promise<ChargeRow> {
  const identity = requireCapability(ctx, 'invoice.manage');
  const reason = parseInput(z.string().trim().min(3, 'A reason is required').max(500), rawReason);
  return ctx.db.transaction(async (tx) => {
    const row = await lockCharge(tx, id);
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
    const row = await lockCharge(tx, id);
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
