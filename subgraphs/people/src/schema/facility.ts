import { requireIdentity } from '@clinigraph/kit';
import { asc, eq } from 'drizzle-orm';
import { builder } from '../builder.ts';
import { department, facility } from '../db/schema.ts';
import { type FacilityRow, facilityById } from '../services/loaders.ts';

type DepartmentRow = typeof department.$inferSelect;

export const FacilityRef = builder.objectRef<FacilityRow>('Facility');
export const DepartmentRef = builder.objectRef<DepartmentRow>('Department');

FacilityRef.implement({
  description: 'A clinic site. Schedules are kept in its IANA time zone.',
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    timezone: t.exposeString('timezone'),
    address: t.exposeString('address', { nullable: true }),
    phone: t.exposeString('phone', { nullable: true }),
    departments: t.field({
      type: [DepartmentRef],
      resolve: (f, _args, ctx) => ctx.db.select().from(department).where(eq(department.facilityId, f.id)).orderBy(asc(department.name)),
    }),
  }),
});

DepartmentRef.implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    facility: t.field({ type: FacilityRef, resolve: async (d, _a, ctx) => (await facilityById(ctx).load(d.facilityId)) as FacilityRow }),
  }),
});

// Facility details are not patient data: any signed-in caller may resolve them.
builder.asEntity(FacilityRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: async ({ id }, ctx) => {
    requireIdentity(ctx);
    return facilityById(ctx).load(id);
  },
});

builder.queryFields((t) => ({
  facilities: t.field({
    type: [FacilityRef],
    resolve: (_root, _args, ctx) => {
      requireIdentity(ctx);
      return ctx.db.select().from(facility).orderBy(asc(facility.name));
    },
  }),
}));
