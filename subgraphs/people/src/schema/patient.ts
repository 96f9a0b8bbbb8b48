import { connectionType, inFacilityScope } from '@clinigraph/kit';
import { builder } from '../builder.ts';
import { assertSectionRead } from '../services/access.ts';
import { allergiesByPatient, emergencyContactsByPatient, facilityById, insuranceByPatient, type PatientRow } from '../services/loaders.ts';
import { addToPatient, createPatient, readPatient, removeFromPatient, searchPatients, updatePatient } from '../services/patients.ts';
import { AllergySeverityEnum, BloodGroupEnum, SexEnum } from './enums.ts';
import { FacilityRef } from './facility.ts';

export const PatientRef = builder.objectRef<PatientRow>('Patient');

const AllergyRef = builder
  .objectRef<{ id: string; substance: string; reaction: string | null; severity: 'mild' | 'moderate' | 'severe' | 'life_threatening'; recordedAt: Date }>(
    'Allergy',
  )
  .implement({
    fields: (t) => ({
      id: t.exposeID('id'),
      substance: t.exposeString('substance'),
      reaction: t.exposeString('reaction', { nullable: true }),
      severity: t.expose('severity', { type: AllergySeverityEnum }),
      recordedAt: t.expose('recordedAt', { type: 'DateTime' }),
    }),
  });

const EmergencyContactRef = builder.objectRef<{ id: string; name: string; relationship: string; phone: string }>('EmergencyContact').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    relationship: t.exposeString('relationship'),
    phone: t.exposeString('phone'),
  }),
});

const InsuranceDetailRef = builder
  .objectRef<{ id: string; payer: string; memberId: string; groupNumber: string | null; validUntil: string | null }>('InsuranceDetail')
  .implement({
    description: 'Insurance card details as the patient gave them.',
    fields: (t) => ({
      id: t.exposeID('id'),
      payer: t.exposeString('payer'),
      memberId: t.exposeString('memberId'),
      groupNumber: t.exposeString('groupNumber', { nullable: true }),
      validUntil: t.expose('validUntil', { type: 'Date', nullable: true }),
    }),
  });

PatientRef.implement({
  description: 'A person who receives care. Only staff and the patient themselves can see one.',
  fields: (t) => ({
    id: t.exposeID('id'),
    mrn: t.exposeString('mrn', { description: 'Medical record number, unique, with a check digit.' }),
    givenName: t.exposeString('givenName'),
    familyName: t.exposeString('familyName'),
    displayName: t.string({ resolve: (p) => `${p.givenName} ${p.familyName}` }),
    dateOfBirth: t.expose('dateOfBirth', { type: 'Date' }),
    sex: t.expose('sex', { type: SexEnum }),
    phone: t.exposeString('phone', { nullable: true }),
    email: t.exposeString('email', { nullable: true }),
    address: t.exposeString('address', { nullable: true }),
    bloodGroup: t.field({
      type: BloodGroupEnum,
      nullable: true,
      description: 'Clinical: doctors, nurses, pharmacists, lab staff, admins and the patient.',
      resolve: (p, _a, ctx) => {
        assertSectionRead(ctx, p.id, 'clinical');
        return p.bloodGroup;
      },
    }),
    chronicConditions: t.stringList({
      description: 'Clinical: doctors, nurses, pharmacists, lab staff, admins and the patient.',
      resolve: (p, _a, ctx) => {
        assertSectionRead(ctx, p.id, 'clinical');
        return p.chronicConditions;
      },
    }),
    allergies: t.field({
      type: [AllergyRef],
      description: 'Clinical: doctors, nurses, pharmacists, lab staff, admins and the patient.',
      resolve: (p, _a, ctx) => {
        assertSectionRead(ctx, p.id, 'clinical');
        return allergiesByPatient(ctx).load(p.id) as never;
      },
    }),
    emergencyContacts: t.field({
      type: [EmergencyContactRef],
      description: 'Doctors, nurses, receptionists, admins and the patient.',
      resolve: (p, _a, ctx) => {
        assertSectionRead(ctx, p.id, 'emergencyContacts');
        return emergencyContactsByPatient(ctx).load(p.id) as never;
      },
    }),
    insurance: t.field({
      type: [InsuranceDetailRef],
      description: 'Receptionists, billing, admins and the patient.',
      resolve: (p, _a, ctx) => {
        assertSectionRead(ctx, p.id, 'insurance');
        return insuranceByPatient(ctx).load(p.id) as never;
      },
    }),
    registeredFacility: t.field({
      type: FacilityRef,
      nullable: true,
      description: 'Null when it is a facility the caller does not work at.',
      resolve: (p, _a, ctx) =>
        p.registeredFacilityId && inFacilityScope(ctx.identity, p.registeredFacilityId) ? facilityById(ctx).load(p.registeredFacilityId) : null,
    }),
    mergedInto: t.field({
      type: PatientRef,
      nullable: true,
      description: 'Set on a record an admin merged into another (seen only as history, e.g. in the audit trail): the record kept.',
      resolve: (p, _a, ctx) => (p.mergedIntoId ? readPatient(ctx, p.mergedIntoId) : null),
    }),
    mergedAt: t.expose('mergedAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

// Every subgraph that returns a Patient reaches this: authorisation applies here too.
builder.asEntity(PatientRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: ({ id }, ctx) => readPatient(ctx, id),
});

export const PatientConnection = connectionType(builder, 'Patient', PatientRef);

const CreatePatientInput = builder.inputType('CreatePatientInput', {
  description: 'A patient registered by staff. The MRN is generated.',
  fields: (t) => ({
    givenName: t.string({ required: true }),
    familyName: t.string({ required: true }),
    dateOfBirth: t.field({ type: 'Date', required: true }),
    sex: t.field({ type: SexEnum, required: true }),
    phone: t.string(),
    email: t.string(),
    address: t.string(),
    registeredFacilityId: t.id(),
    confirmNotDuplicate: t.boolean({
      description:
        'Register even though patients with the same name, date of birth and phone exist (the desk checked they are other people). ' +
        'Without it such a registration is refused with DUPLICATE_SUSPECTED and extensions.candidates ({ id, mrn, displayName, dateOfBirth, phone }).',
    }),
  }),
});

const UpdatePatientInput = builder.inputType('UpdatePatientInput', {
  description:
    'Only the fields given change; null clears an optional one. Identifying details: receptionists, nurses, doctors. ' +
    'Contact details: those, or the patient themselves. Blood group and chronic conditions: doctors and nurses. Admins: all.',
  fields: (t) => ({
    givenName: t.string(),
    familyName: t.string(),
    dateOfBirth: t.field({ type: 'Date' }),
    sex: t.field({ type: SexEnum }),
    phone: t.string(),
    email: t.string(),
    address: t.string(),
    bloodGroup: t.field({ type: BloodGroupEnum }),
    chronicConditions: t.stringList(),
  }),
});

const AllergyInput = builder.inputType('AllergyInput', {
  fields: (t) => ({
    substance: t.string({ required: true }),
    reaction: t.string(),
    severity: t.field({ type: AllergySeverityEnum, required: true }),
  }),
});

const EmergencyContactInput = builder.inputType('EmergencyContactInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    relationship: t.string({ required: true }),
    phone: t.string({ required: true }),
  }),
});

const InsuranceDetailInput = builder.inputType('InsuranceDetailInput', {
  fields: (t) => ({
    payer: t.string({ required: true }),
    memberId: t.string({ required: true }),
    groupNumber: t.string(),
    validUntil: t.field({ type: 'Date' }),
  }),
});

builder.mutationFields((t) => ({
  createPatient: t.field({
    type: PatientRef,
    description: 'Registers a patient without an account (receptionists, nurses, doctors, admins).',
    args: { input: t.arg({ type: CreatePatientInput, required: true }) },
    resolve: (_root, { input }, ctx) => createPatient(ctx, input),
  }),
  updatePatient: t.field({
    type: PatientRef,
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdatePatientInput, required: true }) },
    resolve: (_root, { id, input }, ctx) => updatePatient(ctx, String(id), input as Record<string, unknown>),
  }),
  addAllergy: t.field({
    type: PatientRef,
    description: 'Doctors, nurses and admins.',
    args: { patientId: t.arg.id({ required: true }), input: t.arg({ type: AllergyInput, required: true }) },
    resolve: (_root, { patientId, input }, ctx) => addToPatient(ctx, 'allergy', String(patientId), input),
  }),
  removeAllergy: t.field({
    type: PatientRef,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => removeFromPatient(ctx, 'allergy', String(id)),
  }),
  addEmergencyContact: t.field({
    type: PatientRef,
    description: 'Receptionists, nurses, doctors, admins, and the patient themselves.',
    args: { patientId: t.arg.id({ required: true }), input: t.arg({ type: EmergencyContactInput, required: true }) },
    resolve: (_root, { patientId, input }, ctx) => addToPatient(ctx, 'emergencyContact', String(patientId), input),
  }),
  removeEmergencyContact: t.field({
    type: PatientRef,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => removeFromPatient(ctx, 'emergencyContact', String(id)),
  }),
  addInsuranceDetail: t.field({
    type: PatientRef,
    description: 'Receptionists, billing, admins, and the patient themselves.',
    args: { patientId: t.arg.id({ required: true }), input: t.arg({ type: InsuranceDetailInput, required: true }) },
    resolve: (_root, { patientId, input }, ctx) => addToPatient(ctx, 'insurance', String(patientId), input),
  }),
  removeInsuranceDetail: t.field({
    type: PatientRef,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => removeFromPatient(ctx, 'insurance', String(id)),
  }),
}));

builder.queryFields((t) => ({
  patient: t.field({
    type: PatientRef,
    description: 'A record merged into another answers PATIENT_MERGED with extensions.survivorId.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => readPatient(ctx, String(id)),
  }),
  patients: t.field({
    type: PatientConnection,
    description: 'Search by name, MRN or phone. Staff find the patients of their facilities; a patient finds only themselves. Merged records are left out.',
    args: { search: t.arg.string(), first: t.arg.int(), after: t.arg.string() },
    resolve: (_root, args, ctx) => searchPatients(ctx, args),
  }),
}));
