import { AppError, badInput, type Context, conflict, ErrorCode, notFound, parseInput, requireCapability, translateDbError } from '@clinigraph/kit';
import { and, asc, eq, gt, isNull, lte, or } from 'drizzle-orm';
import { z } from 'zod';
import { billingFacility, insurancePolicy, priceListEntry, providerSpecialty } from '../db/schema.ts';
import { basisPointsInput, currencyInput, priceInput } from '../money.ts';
import { assertInScope, assertOwnFacility, deskFacility, facilitiesOf, inScope, policyInScope, validId } from './access.ts';
import type { PolicyRow, PriceListEntryRow } from './loaders.ts';
import { isTimeZone } from './pricing.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');

const priceInputSchema = z
  .object({
    facilityId: z.uuid(),
    serviceType: z.enum(['consultation', 'procedure', 'lab_test', 'medicine', 'other']),
    code: z.string().trim().min(1).max(40),
    description: z.string().trim().min(1).max(200),
    providerId: z.uuid().nullish(),
    specialty: z.string().trim().min(1).max(100).nullish(),
    itemId: z.uuid().nullish(),
    amountMinor: priceInput,
    currency: currencyInput,
    taxRateBp: basisPointsInput.default(0),
    effectiveFrom: isoDate,
    effectiveTo: isoDate.nullish(),
  })
  .refine((v) => (v.serviceType === 'medicine') === !!v.itemId, { message: 'A medicine is priced by item id (and only a medicine)', path: ['itemId'] })
  .refine((v) => v.serviceType === 'consultation' || (!v.providerId && !v.specialty), {
    message: 'Only consultations are priced by provider or specialty',
    path: ['providerId'],
  })
  .refine((v) => !(v.providerId && v.specialty), { message: 'Price by provider or by specialty, not both', path: ['specialty'] })
  .refine((v) => !v.effectiveTo || v.effectiveTo > v.effectiveFrom, { message: 'must be after effectiveFrom', path: ['effectiveTo'] });

/** Prices at the caller's facilities (naming another facility is NOT_FOUND), optionally of one facility, one service type, or in effect on a date. */
export async function listPrices(
  ctx: Context,
  args: { facilityId?: string | null; serviceType?: PriceListEntryRow['serviceType'] | null; on?: string | null },
): Promise<PriceListEntryRow[]> {
  requireCapability(ctx, 'price.read');
  if (args.facilityId) assertOwnFacility(ctx, args.facilityId);
  return ctx.db
    .select()
    .from(priceListEntry)
    .where(
      and(
        inScope(facilitiesOf(ctx), priceListEntry.facilityId),
        args.facilityId ? eq(priceListEntry.facilityId, args.facilityId) : undefined,
        args.serviceType ? eq(priceListEntry.serviceType, args.serviceType) : undefined,
        args.on ? lte(priceListEntry.effectiveFrom, args.on) : undefined,
        args.on ? or(isNull(priceListEntry.effectiveTo), gt(priceListEntry.effectiveTo, args.on)) : undefined,
      ),
    )
    .orderBy(asc(priceListEntry.serviceType), asc(priceListEntry.code), asc(priceListEntry.effectiveFrom));
}

/** A new price, effective from a date. A later entry for the same service supersedes it from its own date. */
export async function createPriceListEntry(ctx: Context, raw: z.input<typeof priceInputSchema>): Promise<PriceListEntryRow> {
  const identity = requireCapability(ctx, 'price.manage');
  const input = parseInput(priceInputSchema, raw);
  assertOwnFacility(ctx, input.facilityId);
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(priceListEntry)
        .values({ ...input, createdBy: identity.userId })
        .returning();
      await ctx.audit.write(tx, {
        action: 'create',
        entityType: 'PriceListEntry',
        entityId: row!.id,
        detail: { code: row!.code, amountMinor: row!.amountMinor },
      });
      return row!;
    });
  } catch (err) {
    translateDbError(err, { price_list_entry_key_uq: () => conflict('A price for this service already starts on that date') });
  }
}

/** Ends a price on a date (exclusive); nothing is deleted, so past charges keep their history. */
export async function endPriceListEntry(ctx: Context, id: string, effectiveTo: string): Promise<PriceListEntryRow> {
  requireCapability(ctx, 'price.manage');
  const date = parseInput(isoDate, effectiveTo);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(priceListEntry)
      .where(eq(priceListEntry.id, validId(id, 'Price list entry')))
      .for('update');
    if (!row) throw notFound('Price list entry');
    assertInScope(ctx, row.facilityId, 'Price list entry');
    if (date <= row.effectiveFrom) throw badInput('The end must be after the start');
    const [updated] = await tx.update(priceListEntry).set({ effectiveTo: date }).where(eq(priceListEntry.id, row.id)).returning();
    await ctx.audit.write(tx, { action: 'update', entityType: 'PriceListEntry', entityId: row.id, detail: { effectiveTo: date } });
    return updated!;
  });
}

export async function setBillingFacility(ctx: Context, raw: { facilityId: string; timeZone: string; currency: string; taxNumber?: string | null }) {
  requireCapability(ctx, 'price.manage');
  const input = parseInput(
    z.object({
      facilityId: z.uuid(),
      timeZone: z.string().refine(isTimeZone, 'Unknown IANA time zone'),
      currency: currencyInput,
      taxNumber: z
        .string()
        .trim()
        .max(60, 'At most 60 characters')
        .transform((v) => v || null)
        .nullish(),
    }),
    raw,
  );
  assertOwnFacility(ctx, input.facilityId);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(billingFacility)
      .values(input)
      .onConflictDoUpdate({
        target: billingFacility.facilityId,
        set: {
          timeZone: input.timeZone,
          currency: input.currency,
          ...(input.taxNumber !== undefined ? { taxNumber: input.taxNumber } : {}),
          updatedAt: new Date(),
        },
      })
      .returning();
    await ctx.audit.write(tx, { action: 'update', entityType: 'BillingFacility', entityId: input.facilityId, detail: input });
    return row!;
  });
}

export async function setProviderSpecialty(ctx: Context, raw: { providerId: string; specialty: string }) {
  requireCapability(ctx, 'price.manage');
  const input = parseInput(z.object({ providerId: z.uuid(), specialty: z.string().trim().min(1).max(100) }), raw);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(providerSpecialty)
      .values(input)
      .onConflictDoUpdate({ target: providerSpecialty.providerId, set: { specialty: input.specialty, updatedAt: new Date() } })
      .returning();
    await ctx.audit.write(tx, { action: 'update', entityType: 'ProviderSpecialty', entityId: input.providerId, detail: input });
    return row!;
  });
}

const policyInput = z
  .object({
    patientId: z.uuid(),
    payer: z.string().trim().min(1).max(200),
    memberId: z.string().trim().min(1).max(100),
    groupNumber: z.string().trim().max(100).nullish(),
    coverageBasisPoints: basisPointsInput.nullish(),
    copayMinor: priceInput.nullish(),
    currency: currencyInput,
    validFrom: isoDate,
    validTo: isoDate.nullish(),
    facilityId: z.uuid().nullish(),
  })
  .refine((v) => (v.coverageBasisPoints == null) !== (v.copayMinor == null), { message: 'Give a coverage percentage or a copay, not both' })
  .refine((v) => !v.validTo || v.validTo >= v.validFrom, { message: 'must not be before validFrom', path: ['validTo'] });

export async function createInsurancePolicy(ctx: Context, raw: z.input<typeof policyInput>): Promise<PolicyRow> {
  const identity = requireCapability(ctx, 'insurance.manage');
  const { coverageBasisPoints, facilityId: requested, ...input } = parseInput(policyInput, raw);
  const facilityId = deskFacility(ctx, requested);
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(insurancePolicy)
        .values({ ...input, facilityId, coverageBp: coverageBasisPoints ?? null, createdBy: identity.userId })
        .returning();
      await ctx.audit.write(tx, { action: 'create', entityType: 'InsurancePolicy', entityId: row!.id, patientId: row!.patientId });
      return row!;
    });
  } catch (err) {
    translateDbError(err, { insurance_policy_member_uq: () => new AppError(ErrorCode.CONFLICT, 'This patient already has that policy') });
  }
}

export async function deactivateInsurancePolicy(ctx: Context, id: string): Promise<PolicyRow> {
  requireCapability(ctx, 'insurance.manage');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(insurancePolicy)
      .set({ active: false })
      .where(and(eq(insurancePolicy.id, validId(id, 'Insurance policy')), policyInScope(facilitiesOf(ctx))))
      .returning();
    if (!row) throw notFound('Insurance policy');
    await ctx.audit.write(tx, { action: 'update', entityType: 'InsurancePolicy', entityId: row.id, patientId: row.patientId, detail: { active: false } });
    return row;
  });
}
