import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { at, care, createdAt, id } from './care.ts';
import { encounter } from './encounter.ts';

export const certificateTemplateEnum = care.enum('certificate_template', ['sick_leave', 'fitness_to_work', 'attendance']);
export const certificateStatusEnum = care.enum('certificate_status', ['requested', 'approved', 'declined']);

export const certificate = care.table(
  'certificate',
  {
    id: id(),
    patientId: uuid('patient_id').notNull(),
    encounterId: uuid('encounter_id').references(() => encounter.id),
    /** The encounter's facility, or where it was filed; null: the patient's record as a whole (services/scope.ts). */
    facilityId: uuid('facility_id'),
    template: certificateTemplateEnum('template').notNull(),
    status: certificateStatusEnum('status').notNull().default('requested'),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }).notNull(),
    patientReason: text('patient_reason'),
    remarks: text('remarks'),
    requestedBy: uuid('requested_by').notNull(),
    requestedAt: createdAt(),
    providerId: uuid('provider_id'),
    decidedBy: uuid('decided_by'),
    decidedAt: at('decided_at'),
    declineReason: text('decline_reason'),
  },
  (t) => [index('certificate_patient_idx').on(t.patientId, t.requestedAt), check('certificate_dates_ordered', sql`${t.validTo} >= ${t.validFrom}`)],
);

/** FDI two-digit tooth numbers: permanent 11–18, 21–28, 31–38, 41–48; primary 51–55, 61–65, 71–75, 81–85. */
const fdiCheck = (col: unknown) =>
  sql`(${col} / 10 between 1 and 4 and ${col} % 10 between 1 and 8) or (${col} / 10 between 5 and 8 and ${col} % 10 between 1 and 5)`;

export const dentalFindingEnum = care.enum('dental_finding_kind', [
  'caries',
  'filling',
  'crown',
  'missing',
  'extracted',
  'root_canal',
  'implant',
  'bridge',
  'fracture',
  'sealant',
  'watch',
]);

export const dentalFinding = care.table(
  'dental_finding',
  {
    id: id(),
    patientId: uuid('patient_id').notNull(),
    encounterId: uuid('encounter_id')
      .notNull()
      .references(() => encounter.id),
    tooth: smallint('tooth').notNull(),
    surfaces: text('surfaces').array().notNull().default(sql`'{}'::text[]`),
    finding: dentalFindingEnum('finding').notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by').notNull(),
    recordedAt: createdAt(),
  },
  (t) => [index('dental_finding_patient_idx').on(t.patientId, t.tooth), check('dental_finding_fdi_tooth', fdiCheck(t.tooth))],
);

export const planStatusEnum = care.enum('treatment_status', ['planned', 'done', 'cancelled']);

export const dentalPlanItem = care.table(
  'dental_plan_item',
  {
    id: id(),
    patientId: uuid('patient_id').notNull(),
    encounterId: uuid('encounter_id')
      .notNull()
      .references(() => encounter.id),
    tooth: smallint('tooth'),
    procedure: text('procedure').notNull(),
    priority: integer('priority').notNull().default(1),
    status: planStatusEnum('status').notNull().default('planned'),
    note: text('note'),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    completedAt: at('completed_at'),
  },
  (t) => [index('dental_plan_patient_idx').on(t.patientId), check('dental_plan_fdi_tooth', sql`${t.tooth} is null or (${fdiCheck(t.tooth)})`)],
);

export const referralStatusEnum = care.enum('referral_status', ['sent', 'accepted', 'completed', 'cancelled']);

export const referral = care.table(
  'referral',
  {
    id: id(),
    encounterId: uuid('encounter_id')
      .notNull()
      .references(() => encounter.id),
    patientId: uuid('patient_id').notNull(),
    fromProviderId: uuid('from_provider_id').notNull(),
    toProviderId: uuid('to_provider_id'),
    toSpecialty: text('to_specialty'),
    reason: text('reason').notNull(),
    urgency: text('urgency').notNull().default('routine'),
    status: referralStatusEnum('status').notNull().default('sent'),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [index('referral_patient_idx').on(t.patientId), check('referral_has_target', sql`${t.toProviderId} is not null or ${t.toSpecialty} is not null`)],
);

export const documentKindEnum = care.enum('document_kind', ['report', 'consent', 'referral_letter', 'image', 'other']);

/** An uploaded file's metadata; the bytes are on disk under a random key, never under the uploaded name. */
export const document = care.table(
  'document',
  {
    id: id(),
    patientId: uuid('patient_id').notNull(),
    encounterId: uuid('encounter_id').references(() => encounter.id),
    /** The encounter's facility, or where it was uploaded; null: the patient's record as a whole (services/scope.ts). */
    facilityId: uuid('facility_id'),
    kind: documentKindEnum('kind').notNull(),
    title: text('title').notNull(),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull().unique(),
    uploadedBy: uuid('uploaded_by').notNull(),
    uploadedAt: createdAt(),
    meta: jsonb('meta').$type<Record<string, unknown>>(),
  },
  (t) => [index('document_patient_idx').on(t.patientId, t.uploadedAt)],
);
