import { requireIdentity } from '@clinigraph/kit';
import { asc, eq, inArray } from 'drizzle-orm';
import { builder } from '../builder.ts';
import { department, facility, provider, providerDepartment, providerFacility } from '../db/schema.ts';
import { type ProviderRow, providerById } from '../services/loaders.ts';
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
    consultationFeeMinor: t.exposeInt('consultationFeeMinor', { description: 'In minor units (cents) of `currency`.' }),
    currency: t.exposeString('currency'),
    departments: t.field({
      type: [DepartmentRef],
      resolve: async (p, _a, ctx) => {
        const links = ctx.db.select({ id: providerDepartment.departmentId }).from(providerDepartment).where(eq(providerDepartment.providerId, p.id));
        return ctx.db.select().from(department).where(inArray(department.id, links)).orderBy(asc(department.name));
      },
    }),
    facilities: t.field({
      type: [FacilityRef],
      resolve: async (p, _a, ctx) => {
        const links = ctx.db.select({ id: providerFacility.facilityId }).from(providerFacility).where(eq(providerFacility.providerId, p.id));
        return ctx.db.select().from(facility).where(inArray(facility.id, links)).orderBy(asc(facility.name));
      },
    }),
  }),
});

// Provider profiles are public within the clinic (patients choose whom to book): any signed-in caller.
builder.asEntity(ProviderRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: ({ id }, ctx) => {
    requireIdentity(ctx);
    return providerById(ctx).load(id);
  },
});

builder.queryFields((t) => ({
  providers: t.field({
    type: [ProviderRef],
    args: { specialty: t.arg.string() },
    resolve: (_root, { specialty }, ctx) => {
      requireIdentity(ctx);
      return ctx.db
        .select()
        .from(provider)
        .where(specialty ? eq(provider.specialty, specialty) : undefined)
        .orderBy(asc(provider.familyName), asc(provider.givenName));
    },
  }),
}));
