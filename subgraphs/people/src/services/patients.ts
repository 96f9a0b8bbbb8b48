import {
  AppError,
  assertFacilityAccess,
  assertPatientAccess,
  badInput,
  type Context,
  canSeePatient,
  type DbOrTx,
  decodeCursor,
  ErrorCode,
  facilityScope,
  isUuid,
  notFound,
  type Page,
  pageSize,
  parseInput,
  patientConfinement,
  requireCapability,
  toPage,
} from '@clinigraph/kit';
import { and, asc, eq, ilike, isNull, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { allergy, emergencyContact, facility, insuranceDetail, patient } from '../db/schema.ts';
import { assertSectionWrite, type PatientSection } from './access.ts';
import { findDuplicates, refuseDuplicates } from './duplicates.ts';
import { allergySeverity, bloodGroup, dateOfBirth, email, isoDate, labelList, name, optionalText, phone, sex, shortText, uuid } from './inputs.ts';
import { type PatientRow, patientById, type ScopedPatientRow } from './loaders.ts';
import { canSeePatientOf, facilitiesOfPatient, linkPatientToFacility, patientScopeCondition, soleFacilityOf, viaEmergencyOnly } from './patient-scope.ts';
import { insertPatient } from './registration.ts';

export { formatMrn, isValidMrn } from './mrn.ts';

/**
 * The patient if the caller may see them, else null: a patient sees only themselves; staff confined to
 * facilities see the patients of their facilities and those whose chart they opened by break-the-glass.
 */
async function visiblePatient(ctx: Context, id: string): Promise<ScopedPatientRow | null> {
  if (!ctx.identity || !canSeePatient(ctx.identity, id) || !isUuid(id)) return null;
  const row = await patientById(ctx).load(id);
  return row && canSeePatientOf(ctx.identity, id, row.facilityIds) ? row : null;
}

/** Records a read of a patient's record, marked as break-the-glass when only that let the caller see it. */
function auditRead(ctx: Context, row: ScopedPatientRow): void {
  const emergency = viaEmergencyOnly(ctx.identity, row.id, row.facilityIds);
  ctx.audit.record({
    action: 'read',
    entityType: 'Patient',
    entityId: row.id,
    patientId: row.id,
    ...(emergency ? { detail: { via: 'break-the-glass' } } : {}),
  });
}

/**
 * Loads a patient the caller may see, and records the read. Anyone who may not see the patient (another
 * patient, staff of other facilities) gets NOT_FOUND, exactly as for an id that does not exist. A record
 * merged into another answers PATIENT_MERGED with the survivor's id, so a client follows it; only history
 * (the audit trail) asks for the tombstone itself (`tombstones: true`).
 */
export async function readPatient(ctx: Context, id: string, { tombstones = false } = {}): Promise<PatientRow> {
  assertPatientAccess(ctx, id);
  const row = await visiblePatient(ctx, id);
  if (!row) throw notFound('Patient');
  if (row.mergedIntoId && !tombstones) {
    throw new AppError(ErrorCode.PATIENT_MERGED, 'This patient record was merged into another; open the record kept.', { survivorId: row.mergedIntoId });
  }
  auditRead(ctx, row);
  return row;
}

/** A patient named by a history row (the audit trail): the record, tombstones included, or null when the caller may not see it. */
export async function patientInHistory(ctx: Context, id: string): Promise<PatientRow | null> {
  const row = await visiblePatient(ctx, id);
  if (row) auditRead(ctx, row);
  return row;
}

function searchFilter(search: string | null | undefined): SQL | undefined {
  const term = search?.trim();
  if (!term) return undefined;
  const like = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const digits = term.replace(/\D/g, '');
  return or(
    ilike(patient.givenName, like),
    ilike(patient.familyName, like),
    ilike(sql`${patient.givenName} || ' ' || ${patient.familyName}`, like),
    eq(sql`upper(${patient.mrn})`, term.toUpperCase()),
    digits.length >= 4 ? ilike(sql`regexp_replace(coalesce(${patient.phone}, ''), '\\D', '', 'g')`, `%${digits}%`) : undefined,
  );
}

/**
 * Finds patients by name, MRN or phone: a patient finds only themselves; staff find the patients of their
 * facilities (and those they opened by break-the-glass), filtered in SQL so pages stay full. Merged records are left out.
 */
export async function searchPatients(ctx: Context, args: { search?: string | null; first?: number | null; after?: string | null }): Promise<Page<PatientRow>> {
  const confinedTo = patientConfinement(ctx);
  const first = pageSize(args.first);
  const after = decodeCursor(args.after, 3);
  const familyKey = sql`lower(${patient.familyName})`;
  const givenKey = sql`lower(${patient.givenName})`;
  const rows = await ctx.db
    .select()
    .from(patient)
    .where(
      and(
        confinedTo ? eq(patient.id, confinedTo) : undefined,
        patientScopeCondition(ctx.identity),
        isNull(patient.mergedIntoId),
        searchFilter(args.search),
        after ? sql`(${familyKey}, ${givenKey}, ${patient.id}) > (${after[0]}, ${after[1]}, ${after[2]}::uuid)` : undefined,
      ),
    )
    .orderBy(familyKey, givenKey, asc(patient.id))
    .limit(first + 1);
  const page = toPage(rows, first, (p) => [p.familyName.toLowerCase(), p.givenName.toLowerCase(), p.id]);
  ctx.audit.record({ action: 'search', entityType: 'Patient', detail: { search: args.search ?? null, returned: page.edges.length } });
  for (const { node } of page.edges) ctx.audit.record({ action: 'read', entityType: 'Patient', entityId: node.id, patientId: node.id });
  return page;
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
 * Staff register a patient who has no account (yet): at the front desk, by phone, in an emergency. The
 * patient belongs to the facility named, or to the registering member of staff's only facility.
 * One who looks like an existing patient of the caller's facilities is refused with DUPLICATE_SUSPECTED
 * until the desk confirms. One who matches only a patient of other facilities is that patient, come to a
 * second facility: the existing record is linked to this facility (audited) and returned, so no duplicate
 * is made; registrations that match nobody reveal nothing of other facilities.
 */
export async function createPatient(ctx: Context, input: unknown): Promise<PatientRow> {
  const identity = requireCapability(ctx, 'patient.register');
  const { registeredFacilityId, confirmNotDuplicate, ...details } = parseInput(createPatientSchema, input);
  return ctx.db.transaction(async (tx) => {
    if (registeredFacilityId) {
      await assertFacilityExists(tx, registeredFacilityId, 'registeredFacilityId');
      assertFacilityAccess(ctx, registeredFacilityId, 'Facility');
    }
    const facilityId = registeredFacilityId ?? (await soleFacilityOf(tx, identity));
    if (!facilityId && facilityScope(identity) !== null) {
      throw fieldError('registeredFacilityId', 'is required: name the facility the patient is registered at');
    }
    if (confirmNotDuplicate !== true) {
      const matches = await findDuplicates(tx, details);
      const visible = matches.filter((m) => canSeePatientOf(identity, m.id, m.facilityIds));
      if (visible.length) refuseDuplicates(ctx, visible);
      // Only patients of other facilities match: the oldest record is this person (an admin merges any others).
      const existing = matches[0];
      if (existing && facilityId) return registerAtSecondFacility(ctx, tx, existing.id, facilityId, matches.length - 1);
    }
    const row = await insertPatient(
      tx,
      { ...details, phone: details.phone ?? null, email: details.email ?? null, address: details.address ?? null },
      facilityId,
    );
    await ctx.audit.write(tx, { action: 'create', entityType: 'Patient', entityId: row.id, patientId: row.id, detail: { via: 'staff' } });
    return row;
  });
}

async function registerAtSecondFacility(ctx: Context, tx: DbOrTx, patientId: string, facilityId: string, otherMatches: number): Promise<PatientRow> {
  await linkPatientToFacility(tx, patientId, facilityId);
  const [row] = await tx.select().from(patient).where(eq(patient.id, patientId));
  await ctx.audit.write(tx, {
    action: 'update',
    entityType: 'PatientFacility',
    entityId: patientId,
    patientId,
    detail: { facilityId, reason: 'registered at a second facility', ...(otherMatches ? { otherMatches } : {}) },
  });
  return row!;
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
    await lockPatient(ctx, tx, id);
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
    const current = await lockPatient(ctx, tx, patientId);
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
  // An item of another facility's patient does not exist, as far as their staff can tell.
  if (!canSeePatientOf(ctx.identity, patientId, await facilitiesOfPatient(ctx.db, patientId))) throw missing();
  try {
    assertSectionWrite(ctx, patientId, [part.section]);
  } catch (err) {
    // Another patient's item does not exist, as far as a patient can tell.
    if ((err as { code?: string }).code === 'NOT_FOUND') throw missing();
    throw err;
  }
  return ctx.db.transaction(async (tx) => {
    const current = await lockPatient(ctx, tx, patientId, part.entityType);
    const deleted = await tx.delete(part.table).where(eq(part.table.id, itemId)).returning({ id: part.table.id });
    if (deleted.length === 0) throw missing();
    await tx.update(patient).set({ updatedAt: new Date() }).where(eq(patient.id, patientId));
    await ctx.audit.write(tx, { action: 'delete', entityType: part.entityType, entityId: itemId, patientId });
    return current;
  });
}

/** Locks a patient the caller may change: one of another facility is NOT_FOUND (as `what`), exactly as a missing one. */
async function lockPatient(ctx: Context, tx: DbOrTx, id: string, what = 'Patient'): Promise<PatientRow> {
  const [row] = isUuid(id) ? await tx.select().from(patient).where(eq(patient.id, id)).for('update') : [];
  if (!row || !canSeePatientOf(ctx.identity, id, await facilitiesOfPatient(tx, id))) throw notFound(what);
  return row;
}

/** What the audit row keeps of an added item: enough to know what changed, no more. */
function summary(partName: ListPartName, values: Record<string, unknown>): Record<string, unknown> {
  if (partName === 'allergy') return { substance: values.substance, severity: values.severity };
  if (partName === 'emergencyContact') return { relationship: values.relationship };
  return { payer: values.payer };
}
