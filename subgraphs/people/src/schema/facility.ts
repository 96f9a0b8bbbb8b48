import { builder } from '../builder.ts';
import {
  createDepartment,
  createFacility,
  type DepartmentRow,
  facilityReference,
  listFacilities,
  readFacility,
  updateDepartment,
  updateFacility,
} from '../services/facilities.ts';
import { departmentsByFacility, type FacilityRow, facilityById } from '../services/loaders.ts';

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
      resolve: async (f, _args, ctx) => (await departmentsByFacility(ctx).load(f.id)) ?? [],
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

// Staff confined to facilities resolve their own facilities only; patients and network admins, every one.
builder.asEntity(FacilityRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: ({ id }, ctx) => facilityReference(ctx, id),
});

builder.queryFields((t) => ({
  facilities: t.field({
    type: [FacilityRef],
    description: 'Staff see the facilities they work at; network admins and patients, every facility.',
    resolve: (_root, _args, ctx) => listFacilities(ctx),
  }),
  facility: t.field({
    type: FacilityRef,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => readFacility(ctx, String(id)),
  }),
}));

const CreateFacilityInput = builder.inputType('CreateFacilityInput', {
  fields: (t) => ({
    code: t.string({ required: true, description: 'A short unique code, e.g. RIV.' }),
    name: t.string({ required: true }),
    timezone: t.string({ required: true, description: 'An IANA time zone, e.g. Europe/Berlin.' }),
    address: t.string(),
    phone: t.string(),
  }),
});

const UpdateFacilityInput = builder.inputType('UpdateFacilityInput', {
  description: 'Only the fields given change; null clears address or phone.',
  fields: (t) => ({
    code: t.string(),
    name: t.string(),
    timezone: t.string(),
    address: t.string(),
    phone: t.string(),
  }),
});

const CreateDepartmentInput = builder.inputType('CreateDepartmentInput', {
  fields: (t) => ({
    facilityId: t.id({ required: true }),
    name: t.string({ required: true }),
  }),
});

const UpdateDepartmentInput = builder.inputType('UpdateDepartmentInput', {
  fields: (t) => ({ name: t.string({ required: true }) }),
});

builder.mutationFields((t) => ({
  createFacility: t.field({
    type: FacilityRef,
    description: 'Network admins only.',
    args: { input: t.arg({ type: CreateFacilityInput, required: true }) },
    resolve: (_root, { input }, ctx) => createFacility(ctx, input),
  }),
  updateFacility: t.field({
    type: FacilityRef,
    description: 'Admins only.',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateFacilityInput, required: true }) },
    resolve: (_root, { id, input }, ctx) => updateFacility(ctx, String(id), input),
  }),
  createDepartment: t.field({
    type: DepartmentRef,
    description: 'Admins only.',
    args: { input: t.arg({ type: CreateDepartmentInput, required: true }) },
    resolve: (_root, { input }, ctx) => createDepartment(ctx, input),
  }),
  updateDepartment: t.field({
    type: DepartmentRef,
    description: 'Admins only.',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateDepartmentInput, required: true }) },
    resolve: (_root, { id, input }, ctx) => updateDepartment(ctx, String(id), input),
  }),
}));
