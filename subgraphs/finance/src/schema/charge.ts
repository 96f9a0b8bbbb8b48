import { connectionType } from '@clinigraph/kit';
import { builder } from '../builder.ts';
import { createManualCharge, listCharges, priceCharge, voidCharge } from '../services/charges.ts';
import type { ChargeRow } from '../services/loaders.ts';
import { ChargeSourceEnum, ChargeStatusEnum, ServiceTypeEnum } from './enums.ts';
import { FacilityRef, facilityOf, PatientRef, ProviderRef, patientOf, providerOf } from './refs.ts';

export const ChargeType = builder.objectRef<ChargeRow>('Charge').implement({
  description: 'Something billable that happened to a patient: from a visit (booked or walk-in), a dispense or a lab order, or entered by billing staff.',
  fields: (t) => ({
    id: t.exposeID('id'),
    patient: t.field({ type: PatientRef, nullable: true, resolve: (c) => patientOf(c.patientId) }),
    facility: t.field({ type: FacilityRef, nullable: true, resolve: (c) => facilityOf(c.facilityId) }),
    provider: t.field({ type: ProviderRef, nullable: true, resolve: (c) => providerOf(c.providerId) }),
    encounterId: t.exposeID('encounterId', { nullable: true }),
    source: t.expose('sourceType', { type: ChargeSourceEnum }),
    sourceId: t.exposeString('sourceId', { nullable: true, description: 'The appointment, walk-in encounter, dispense or lab order it came from.' }),
    serviceType: t.expose('serviceType', { type: ServiceTypeEnum }),
    code: t.exposeString('code'),
    description: t.exposeString('description'),
    quantity: t.exposeInt('quantity'),
    unitPriceMinor: t.exposeInt('unitPriceMinor'),
    taxRateBasisPoints: t.exposeInt('taxRateBp'),
    currency: t.exposeString('currency'),
    serviceDate: t.expose('serviceDate', { type: 'Date' }),
    unpriced: t.exposeBoolean('unpriced', { description: 'The price list had no price; billing staff must price it before it can be invoiced.' }),
    status: t.expose('status', { type: ChargeStatusEnum }),
    invoiceId: t.exposeID('invoiceId', { nullable: true }),
    voidReason: t.exposeString('voidReason', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const ChargeConnection = connectionType(builder, 'Charge', ChargeType);

const ChargeInput = builder.inputType('ChargeInput', {
  description: 'A manual charge: at a price list entry, or at a stated code, description, price and currency.',
  fields: (t) => ({
    patientId: t.id({ required: true }),
    facilityId: t.id({ required: true }),
    providerId: t.id(),
    encounterId: t.id(),
    priceListEntryId: t.id(),
    serviceType: t.field({ type: ServiceTypeEnum }),
    code: t.string(),
    description: t.string(),
    unitPriceMinor: t.int(),
    currency: t.string(),
    taxRateBasisPoints: t.int(),
    quantity: t.int({ required: true }),
    serviceDate: t.field({ type: 'Date', required: true }),
  }),
});

const str = (v: string | number | null | undefined) => (v == null ? null : String(v));

builder.queryFields((t) => ({
  charges: t.field({
    type: ChargeConnection,
    description: 'Charges at the caller’s facilities, newest first. Billing staff only.',
    args: { patientId: t.arg.id(), encounterId: t.arg.id(), status: t.arg({ type: ChargeStatusEnum }), first: t.arg.int(), after: t.arg.string() },
    resolve: (_r, args, ctx) => listCharges(ctx, { ...args, patientId: str(args.patientId), encounterId: str(args.encounterId) }),
  }),
}));

builder.mutationFields((t) => ({
  createCharge: t.field({
    type: ChargeType,
    args: { input: t.arg({ type: ChargeInput, required: true }) },
    resolve: (_r, { input }, ctx) => {
      const { taxRateBasisPoints, ...rest } = input;
      return createManualCharge(ctx, {
        ...rest,
        patientId: String(input.patientId),
        facilityId: String(input.facilityId),
        providerId: str(input.providerId),
        encounterId: str(input.encounterId),
        priceListEntryId: str(input.priceListEntryId),
        taxRateBp: taxRateBasisPoints,
      });
    },
  }),
  voidCharge: t.field({
    type: ChargeType,
    args: { id: t.arg.id({ required: true }), reason: t.arg.string({ required: true }) },
    resolve: (_r, args, ctx) => voidCharge(ctx, String(args.id), args.reason),
  }),
  priceCharge: t.field({
    type: ChargeType,
    description: 'Prices a pending charge the price list did not cover.',
    args: { id: t.arg.id({ required: true }), unitPriceMinor: t.arg.int({ required: true }), taxRateBasisPoints: t.arg.int() },
    resolve: (_r, args, ctx) => priceCharge(ctx, String(args.id), { unitPriceMinor: args.unitPriceMinor, taxRateBp: args.taxRateBasisPoints }),
  }),
}));
