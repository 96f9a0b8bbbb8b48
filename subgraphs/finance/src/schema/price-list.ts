import { requireCapability } from '@clinigraph/kit';
import { builder } from '../builder.ts';
import type { billingFacility, providerSpecialty } from '../db/schema.ts';
import { assertOwnFacility } from '../services/access.ts';
import { createPriceListEntry, endPriceListEntry, listPrices, setBillingFacility, setProviderSpecialty } from '../services/catalogue.ts';
import type { PriceListEntryRow } from '../services/loaders.ts';
import { findEffectivePrice } from '../services/pricing.ts';
import { ServiceTypeEnum } from './enums.ts';
import { FacilityRef, facilityOf, ProviderRef, providerOf } from './refs.ts';

export const PriceListEntryType = builder.objectRef<PriceListEntryRow>('PriceListEntry').implement({
  description: 'A price for one service at one facility, effective from a date (and until one, if ended).',
  fields: (t) => ({
    id: t.exposeID('id'),
    serviceType: t.expose('serviceType', { type: ServiceTypeEnum }),
    code: t.exposeString('code'),
    description: t.exposeString('description'),
    provider: t.field({
      type: ProviderRef,
      nullable: true,
      description: 'Set for a provider-specific consultation price.',
      resolve: (e) => providerOf(e.providerId),
    }),
    specialty: t.exposeString('specialty', { nullable: true, description: 'Set for a consultation priced by specialty.' }),
    itemId: t.exposeID('itemId', { nullable: true, description: 'The supply item a medicine price is for.' }),
    amountMinor: t.exposeInt('amountMinor', { description: 'In minor units (cents) of `currency`.' }),
    currency: t.exposeString('currency'),
    taxRateBasisPoints: t.exposeInt('taxRateBp', { description: 'Tax rate in basis points (1000 = 10%).' }),
    effectiveFrom: t.expose('effectiveFrom', { type: 'Date' }),
    effectiveTo: t.expose('effectiveTo', { type: 'Date', nullable: true, description: 'Exclusive.' }),
    facility: t.field({ type: FacilityRef, resolve: (e) => facilityOf(e.facilityId)! }),
  }),
});

const BillingFacilityType = builder.objectRef<typeof billingFacility.$inferSelect>('BillingFacility').implement({
  fields: (t) => ({
    facility: t.field({ type: FacilityRef, resolve: (f) => facilityOf(f.facilityId)! }),
    timeZone: t.exposeString('timeZone', { description: 'IANA zone that decides a service date, and so its effective price.' }),
    currency: t.exposeString('currency'),
    taxNumber: t.exposeString('taxNumber', { nullable: true, description: 'Tax or registration number printed on invoices and receipts.' }),
  }),
});

const ProviderSpecialtyType = builder.objectRef<typeof providerSpecialty.$inferSelect>('ProviderBillingSpecialty').implement({
  description: 'The specialty whose consultation price applies to a provider without a price of their own.',
  fields: (t) => ({
    provider: t.field({ type: ProviderRef, resolve: (p) => providerOf(p.providerId)! }),
    specialty: t.exposeString('specialty'),
  }),
});

const PriceListEntryInput = builder.inputType('PriceListEntryInput', {
  fields: (t) => ({
    facilityId: t.id({ required: true }),
    serviceType: t.field({ type: ServiceTypeEnum, required: true }),
    code: t.string({ required: true }),
    description: t.string({ required: true }),
    providerId: t.id(),
    specialty: t.string(),
    itemId: t.id(),
    amountMinor: t.int({ required: true }),
    currency: t.string({ required: true }),
    taxRateBasisPoints: t.int(),
    effectiveFrom: t.field({ type: 'Date', required: true }),
    effectiveTo: t.field({ type: 'Date' }),
  }),
});

builder.queryFields((t) => ({
  priceList: t.field({
    type: [PriceListEntryType],
    description: 'Prices at the caller’s facilities, optionally only those of one facility or in effect on one date. Staff only.',
    args: { facilityId: t.arg.id(), serviceType: t.arg({ type: ServiceTypeEnum }), on: t.arg({ type: 'Date' }) },
    resolve: (_r, args, ctx) => listPrices(ctx, { facilityId: args.facilityId ? String(args.facilityId) : null, serviceType: args.serviceType, on: args.on }),
  }),
  effectivePrice: t.field({
    type: PriceListEntryType,
    nullable: true,
    description: 'The price that applies to a service at a facility on a date (provider, then specialty, then default for consultations).',
    args: {
      facilityId: t.arg.id({ required: true }),
      serviceType: t.arg({ type: ServiceTypeEnum, required: true }),
      on: t.arg({ type: 'Date', required: true }),
      providerId: t.arg.id(),
      specialty: t.arg.string(),
      itemId: t.arg.id(),
      code: t.arg.string(),
    },
    resolve: (_r, args, ctx) => {
      requireCapability(ctx, 'price.read');
      return findEffectivePrice(ctx.db, {
        facilityId: assertOwnFacility(ctx, String(args.facilityId)),
        serviceType: args.serviceType,
        on: args.on,
        providerId: args.providerId ? String(args.providerId) : null,
        specialty: args.specialty,
        itemId: args.itemId ? String(args.itemId) : null,
        code: args.code,
      });
    },
  }),
}));

builder.mutationFields((t) => ({
  createPriceListEntry: t.field({
    type: PriceListEntryType,
    args: { input: t.arg({ type: PriceListEntryInput, required: true }) },
    resolve: (_r, { input }, ctx) => {
      const { taxRateBasisPoints, ...rest } = input;
      return createPriceListEntry(ctx, {
        ...rest,
        facilityId: String(input.facilityId),
        providerId: input.providerId ? String(input.providerId) : null,
        itemId: input.itemId ? String(input.itemId) : null,
        taxRateBp: taxRateBasisPoints ?? 0,
      });
    },
  }),
  endPriceListEntry: t.field({
    type: PriceListEntryType,
    args: { id: t.arg.id({ required: true }), effectiveTo: t.arg({ type: 'Date', required: true }) },
    resolve: (_r, args, ctx) => endPriceListEntry(ctx, String(args.id), args.effectiveTo),
  }),
  setBillingFacility: t.field({
    type: BillingFacilityType,
    args: {
      facilityId: t.arg.id({ required: true }),
      timeZone: t.arg.string({ required: true }),
      currency: t.arg.string({ required: true }),
      taxNumber: t.arg.string({ description: 'Printed on invoices and receipts; omit to keep the current one, empty to clear it.' }),
    },
    resolve: (_r, args, ctx) => setBillingFacility(ctx, { ...args, facilityId: String(args.facilityId) }),
  }),
  setProviderBillingSpecialty: t.field({
    type: ProviderSpecialtyType,
    args: { providerId: t.arg.id({ required: true }), specialty: t.arg.string({ required: true }) },
    resolve: (_r, args, ctx) => setProviderSpecialty(ctx, { providerId: String(args.providerId), specialty: args.specialty }),
  }),
}));
