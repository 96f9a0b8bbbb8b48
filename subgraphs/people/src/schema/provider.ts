import { inFacilityScope, requireCapability } from '@clinigraph/kit';
import { builder } from '../builder.ts';
import { departmentsByProvider, facilitiesByProvider, type ProviderRow } from '../services/loaders.ts';
import { createProvider, listProviders, providerReference, readProvider, updateProvider } from '../services/providers.ts';
import { DepartmentRef, FacilityRef } from './facility.ts';

export const ProviderRef = builder.objectRef<ProviderRow>('Provider');

ProviderRef.implement({
  description: 'A clinician who sees patients.',
  fields: (t) => ({
    id: t.exposeID('id'),
    givenName: t.exposeString('givenName'),
    familyName: t.exposeString('familyName'),
    title: t.exposeString('title', { nullable: true }),
    displayName: t.string({ resolve: (p) => [p.title, p.givenName, p.familyName].filter(Boolean).join(' ') }),
    specialty: t.exposeString('specialty'),
    qualifications: t.exposeStringList('qualifications'),
    licenseNumber: t.string({
      nullable: true,
      description: 'Staff only.',
      resolve: (p, _a, ctx) => {
        requireCapability(ctx, 'provider.details.read');
        return p.licenseNumber;
      },
    }),
    consultationFeeMinor: t.exposeInt('consultationFeeMinor', { description: 'In minor units (cents) of `currency`.' }),
    currency: t.exposeString('currency', { description: 'ISO 4217 code of the consultation fee.' }),
    departments: t.field({
      type: [DepartmentRef],
      description: "Those of the caller's facilities.",
      resolve: async (p, _a, ctx) => ((await departmentsByProvider(ctx).load(p.id)) ?? []).filter((d) => inFacilityScope(ctx.identity, d.facilityId)),
    }),
    facilities: t.field({
      type: [FacilityRef],
      description: "Those of the caller's facilities.",
      resolve: async (p, _a, ctx) => ((await facilitiesByProvider(ctx).load(p.id)) ?? []).filter((f) => inFacilityScope(ctx.identity, f.id)),
    }),
  }),
});

// Provider profiles are public within the clinic (patients choose whom to book); staff confined to facilities see their facilities' providers.
builder.asEntity(ProviderRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: ({ id }, ctx) => providerReference(ctx, id),
});

builder.queryFields((t) => ({
  provider: t.field({
    type: ProviderRef,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => readProvider(ctx, String(id)),
  }),
  providers: t.field({
    type: [ProviderRef],
    args: { specialty: t.arg.string() },
    resolve: (_root, { specialty }, ctx) => listProviders(ctx, specialty),
  }),
}));

const CreateProviderInput = builder.inputType('CreateProviderInput', {
  fields: (t) => ({
    givenName: t.string({ required: true }),
    familyName: t.string({ required: true }),
    title: t.string(),
    specialty: t.string({ required: true }),
    qualifications: t.stringList(),
    licenseNumber: t.string(),
    consultationFeeMinor: t.int({ required: true, description: 'In minor units (cents) of `currency`.' }),
    currency: t.string({ required: true, description: 'ISO 4217, e.g. USD.' }),
    departmentIds: t.idList({ description: "Each must belong to one of the provider's facilities." }),
    facilityIds: t.idList(),
  }),
});

const UpdateProviderInput = builder.inputType('UpdateProviderInput', {
  description: 'Only the fields given change. departmentIds and facilityIds replace the lists.',
  fields: (t) => ({
    givenName: t.string(),
    familyName: t.string(),
    title: t.string(),
    specialty: t.string(),
    qualifications: t.stringList(),
    licenseNumber: t.string(),
    consultationFeeMinor: t.int(),
    currency: t.string(),
    departmentIds: t.idList(),
    facilityIds: t.idList(),
  }),
});

builder.mutationFields((t) => ({
  createProvider: t.field({
    type: ProviderRef,
    description: 'Admins only.',
    args: { input: t.arg({ type: CreateProviderInput, required: true }) },
    resolve: (_root, { input }, ctx) => createProvider(ctx, input),
  }),
  updateProvider: t.field({
    type: ProviderRef,
    description: 'Admins only.',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateProviderInput, required: true }) },
    resolve: (_root, { id, input }, ctx) => updateProvider(ctx, String(id), input),
  }),
}));
