import {
  AppError,
  assertPatientAccess,
  badInput,
  type Context,
  type DbOrTx,
  ErrorCode,
  isUuid,
  notFound,
  parseInput,
  requireCapability,
} from '@clinigraph/kit';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { allergy, emergencyContact, facility, insuranceDetail, patient } from '../db/schema.ts';
import { assertSectionWrite, type PatientSection } from './access.ts';
import { assertNoDuplicate } from './duplicates.ts';
import { allergySeverity, bloodGroup, dateOfBirth, email, isoDate, labelList, name, optionalText, phone, sex, shortText, uuid } from './inputs.ts';
import { type PatientRow, patientById } from './loaders.ts';
import { insertPatient } from './registration.ts';

export { formatMrn, isValidMrn } from './mrn.ts';

/**
 * Loads a patient the caller may see, and records the read. A patient asking for anyone else
 * gets NOT_FOUND, exactly as for an id that does not exist. A record merged into another answers
 * PATIENT_MERGED with the survivor's id, so a client follows it; only history (the audit trail) asks
 * for the tombstone itself (`tombstones: true`).
 */
export async function readPatient(ctx: Context, id: string, { tombstones = false } = {}): Promise<PatientRow> {
  assertPatientAccess(ctx, id);
  if (!isUuid(id)) throw notFound('Patient');
  const row = await patientById(ctx).load(id);
  if (!row) throw notFound('Patient');
  if (row.mergedIntoId && !tombstones) {
    throw new AppError(ErrorCode.PATIENT_MERGED, 'This patient record was merged into another; open the record kept.', { survivorId: row.mergedIntoId });
  }
  ctx.audit.record({ action: 'read', entityType: 'Patient', entityId: id, patientId: id });
  return row;
}

const contactFields = {
  phone: phone.nullish(),
  email: email.nullish(),
  address: optionalText(500),
};

const createPatientSchema = z.object({
  givenName: name,
  familyName: name,
  dateOfBirth,
  sex,
  ...contactFields,
  registeredFacilityId: uuid.nullish(),
  confirmNotDuplicate: z.boolean().nullish(),
});

/**
 * Staff register a patient who has no account (yet): at the front desk, by phone, in an emergency.
 * One who looks like an existing patient is refused with DUPLICATE_SUSPECTED until the desk confirms.
 */
export async function createPatient(ctx: Context, input: unknown): Promise<PatientRow> {
  requireCapability(ctx, 'patient.register');
  const { registeredFacilityId, confirmNotDuplicate, ...details } = parseInput(createPatientSchema, input);
  return ctx.db.transaction(async (tx) => {
    if (registeredFacilityId) await assertFacilityExists(tx, registeredFacilityId, 'registeredFacilityId');
    await assertNoDuplicate(ctx, tx, details, confirmNotDuplicate === true);
    const row = await insertPatient(
      tx,
      { ...details, phone: details.phone ?? null, email: details.email ?? null, address: details.address ?? null },
      registeredFacilityId ?? null,
    );
    await ctx.audit.write(tx, { action: 'create', entityType: 'Patient', entityId: row.id, patientId: row.id, detail: { via: 'staff' } });
    return row;
  });
}

const fieldError = (path: string, message: string) => badInput(`${path}: ${message}`, [{ path, message }]);

async function assertFacilityExists(tx: DbOrTx, id: string, path: string): Promise<void> {
  const [row] = await tx.select({ id: facility.id }).from(facility).where(eq(facility.id, id));
  if (!row) throw fieldError(path, 'no such facility');
}

const updatePatientSchema = z.object({
  givenName: name.optional(),
  familyName: name.optional(),
  dateOfBirth: dateOfBirth.optional(),
  sex: sex.optional(),
  ...contactFields,
  bloodGroup: bloodGroup.nullish(),
  chronicConditions: labelList.optional(),
});
type PatientUpdate = z.output<typeof updatePatientSchema>;

const sectionOf: Record<keyof PatientUpdate, PatientSection> = {
  givenName: 'demographics',
  familyName: 'demographics',
  dateOfBirth: 'demographics',
  sex: 'demographics',
  phone: 'contact',
  email: 'contact',
  address: 'contact',
  bloodGroup: 'clinical',
  chronicConditions: 'clinical',
};

/** Keys the caller actually sent (absent means "leave as it is"; null means "clear"). */
function presentKeys<T extends object>(input: T): (keyof T)[] {
  return (Object.keys(input) as (keyof T)[]).filter((k) => input[k] !== undefined);
}

/**
 * Changes a patient's details. Staff change what their role may (see access.ts); a patient may
 * change only their own contact details. Which parts are touched decides who may do it.
 */
export async function updatePatient(ctx: Context, id: string, input: Record<string, unknown>): Promise<PatientRow> {
  const requested = presentKeys(input).filter((k): k is keyof PatientUpdate => k in sectionOf);
  assertSectionWrite(
    ctx,
    id,
    requested.map((k) => sectionOf[k]),
  );
  const changes = parseInput(updatePatientSchema, input);
  const keys = presentKeys(changes);
  if (keys.length === 0) throw badInput('Nothing to change');
  return ctx.db.transaction(async (tx) => {
    const [current] = isUuid(id) ? await tx.select().from(patient).where(eq(patient.id, id)).for('update') : [];
    if (!current) throw notFound('Patient');
    const [row] = await tx
      .update(patient)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(patient.id, id))
      .returning();
    await ctx.audit.write(tx, { action: 'update', entityType: 'Patient', entityId: id, patientId: id, detail: { fields: keys } });
    return row!;
  });
}

const allergySchema = z.object({ substance: shortText, reaction: optionalText(500), severity: allergySeverity });
const emergencyContactSchema = z.object({ name: shortText, relationship: z.string().trim().min(1, 'is required').max(100), phone });
const insuranceSchema = z.object({
  payer: shortText,
  memberId: z.string().trim().min(1, 'is required').max(100),
  groupNumber: optionalText(100),
  validUntil: isoDate.nullish(),
});

/** One kind of item a patient's record holds a list of: allergies, emergency contacts, insurance. */
interface ListPart<S extends z.ZodType> {
  section: PatientSection;
  entityType: string;
  schema: S;
  /** The drizzle table of this patient's items (allergy, emergency_contact, insurance_detail). */
  table: any;
}

const parts = {
  allergy: { section: 'clinical', entityType: 'Allergy', schema: allergySchema, table: allergy },
  emergencyContact: { section: 'emergencyContacts', entityType: 'EmergencyContact', schema: emergencyContactSchema, table: emergencyContact },
  insurance: { section: 'insurance', entityType: 'InsuranceDetail', schema: insuranceSchema, table: insuranceDetail },
} satisfies Record<string, ListPart<z.ZodType>>;
export type ListPartName = keyof typeof parts;

/** Adds an allergy, emergency contact or insurance detail to a patient's record. */
export async function addToPatient(ctx: Context, partName: ListPartName, patientId: string, input: unknown): Promise<PatientRow> {
  const part = parts[partName];
  assertSectionWrite(ctx, patientId, [part.section]);
  const values = parseInput(part.schema, input) as Record<string, unknown>;
  return ctx.db.transaction(async (tx) => {
    const current = await lockPatient(tx, patientId);
    const [item] = await tx
      .insert(part.table)
      .values({ ...values, patientId })
      .returning({ id: part.table.id });
    await tx.update(patient).set({ updatedAt: new Date() }).where(eq(patient.id, patientId));
    await ctx.audit.write(tx, { action: 'create', entityType: part.entityType, entityId: item!.id, patientId, detail: summary(partName, values) });
    return current;
  });
}

/** Removes one such item. Asking for an item of a patient the caller may not see is NOT_FOUND. */
export async function removeFromPatient(ctx: Context, partName: ListPartName, itemId: string): Promise<PatientRow> {
  const part = parts[partName];
  const missing = () => notFound(part.entityType);
  if (!isUuid(itemId)) throw missing();
  const [found] = await ctx.db.select({ patientId: part.table.patientId }).from(part.table).where(eq(part.table.id, itemId));
  if (!found) throw missing();
  const patientId = found.patientId as string;
  try {
    assertSectionWrite(ctx, patientId, [part.section]);
  } catch (err) {
    // Another patient's item does not exist, as far as a patient can tell.
    if ((err as { code?: string }).code === 'NOT_FOUND') throw missing();
    throw err;
  }
  return ctx.db.transaction(async (tx) => {
    const current = await lockPatient(tx, patientId);
    const deleted = await tx.delete(part.table).where(eq(part.table.id, itemId)).returning({ id: part.table.id });
    if (deleted.length === 0) throw missing();
    await tx.update(patient).set({ updatedAt: new Date() }).where(eq(patient.id, patientId));
    await ctx.audit.write(tx, { action: 'delete', entityType: part.entityType, entityId: itemId, patientId });
    return current;
  });
}

async function lockPatient(tx: DbOrTx, id: string): Promise<PatientRow> {
  const [row] = isUuid(id) ? await tx.select().from(patient).where(eq(patient.id, id)).for('update') : [];
  if (!row) throw notFound('Patient');
  return row;
}

/** What the audit row keeps of an added item: enough to know what changed, no more. */
function summary(partName: ListPartName, values: Record<string, unknown>): Record<string, unknown> {
  if (partName === 'allergy') return { substance: values.substance, severity: values.severity };
  if (partName === 'emergencyContact') return { relationship: values.relationship };
  return { payer: values.payer };
}
