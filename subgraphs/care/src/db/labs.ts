import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, numeric, text, unique, uuid } from 'drizzle-orm/pg-core';
import { at, care, createdAt, id, updatedAt } from './care.ts';
import { encounter } from './encounter.ts';

export const labOrderStatusEnum = care.enum('lab_order_status', ['ordered', 'collected', 'received', 'resulted', 'verified', 'released', 'cancelled']);
export const priorityEnum = care.enum('order_priority', ['routine', 'urgent', 'stat']);
export const resultFlagEnum = care.enum('result_flag', ['normal', 'low', 'high', 'critical_low', 'critical_high', 'abnormal']);

export const labOrder = care.table(
  'lab_order',
  {
    id: id(),
    encounterId: uuid('encounter_id')
      .notNull()
      .references(() => encounter.id),
    patientId: uuid('patient_id').notNull(),
    facilityId: uuid('facility_id').notNull(),
    orderingProviderId: uuid('ordering_provider_id').notNull(),
    orderedBy: uuid('ordered_by').notNull(),
    status: labOrderStatusEnum('status').notNull().default('ordered'),
    priority: priorityEnum('priority').notNull().default('routine'),
    clinicalInfo: text('clinical_info'),
    orderedAt: createdAt(),
    collectedAt: at('collected_at'),
    collectedBy: uuid('collected_by'),
    specimen: text('specimen'),
    receivedAt: at('received_at'),
    receivedBy: uuid('received_by'),
    verifiedAt: at('verified_at'),
    verifiedBy: uuid('verified_by'),
    releasedAt: at('released_at'),
    releasedBy: uuid('released_by'),
    cancelledAt: at('cancelled_at'),
    /** When a doctor said they have seen the results (acknowledging a critical one counts). */
    reviewedAt: at('reviewed_at'),
    reviewedBy: uuid('reviewed_by'),
    /**
     * From when the patient sees the released results: at release when all are normal or a doctor has
     * seen them; otherwise after the facility's delay, or as soon as a doctor has seen them.
     */
    patientVisibleFrom: at('patient_visible_from'),
  },
  (t) => [index('lab_order_patient_idx').on(t.patientId, t.orderedAt), index('lab_order_status_idx').on(t.status, t.orderedAt)],
);

/** One test on an order, with the reference and critical ranges copied from the catalogue at order time. */
export const labOrderItem = care.table(
  'lab_order_item',
  {
    id: id(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => labOrder.id),
    testCode: text('test_code').notNull(),
    testName: text('test_name').notNull(),
    unit: text('unit'),
    refLow: numeric('ref_low', { mode: 'number' }),
    refHigh: numeric('ref_high', { mode: 'number' }),
    criticalLow: numeric('critical_low', { mode: 'number' }),
    criticalHigh: numeric('critical_high', { mode: 'number' }),
    currentVersion: integer('current_version').notNull().default(0),
  },
  (t) => [unique('lab_order_item_order_test_key').on(t.orderId, t.testCode)],
);

/** A result value. A correction adds a version; earlier versions are never changed or removed. */
export const labResult = care.table(
  'lab_result',
  {
    id: id(),
    orderItemId: uuid('order_item_id')
      .notNull()
      .references(() => labOrderItem.id),
    version: integer('version').notNull(),
    valueNumeric: numeric('value_numeric', { mode: 'number' }),
    valueText: text('value_text'),
    flag: resultFlagEnum('flag').notNull(),
    comment: text('comment'),
    correctionReason: text('correction_reason'),
    enteredBy: uuid('entered_by').notNull(),
    enteredAt: createdAt(),
  },
  (t) => [
    unique('lab_result_item_version_key').on(t.orderItemId, t.version),
    check('lab_result_has_value', sql`${t.valueNumeric} is not null or ${t.valueText} is not null`),
    index('lab_result_critical_idx').on(t.orderItemId).where(sql`${t.flag} in ('critical_low', 'critical_high')`),
  ],
);

/**
 * A clinician's acknowledgement that they have seen a critical result (one version): who and when,
 * at most once per result. Only critical results can be acknowledged, and the record never changes
 * (both enforced by triggers, migration 0004).
 */
export const criticalResultAcknowledgement = care.table('critical_result_acknowledgement', {
  labResultId: uuid('lab_result_id')
    .primaryKey()
    .references(() => labResult.id),
  acknowledgedBy: uuid('acknowledged_by').notNull(),
  acknowledgedAt: at('acknowledged_at').notNull().defaultNow(),
});

/**
 * A facility's lab rules, set by an admin. Without a row the facility works with four eyes: the person
 * who verifies a lab order's results never entered one of them.
 */
export const facilityLabPolicy = care.table('facility_lab_policy', {
  facilityId: uuid('facility_id').primaryKey(),
  singlePersonLab: boolean('single_person_lab').notNull().default(false),
  /** Hours an abnormal or critical result waits for the ordering doctor before the patient sees it anyway. */
  patientReleaseDelayHours: integer('patient_release_delay_hours').notNull().default(72),
  updatedBy: uuid('updated_by').notNull(),
  updatedAt: updatedAt(),
});

export const modalityEnum = care.enum('imaging_modality', ['xray', 'ultrasound', 'ct', 'mri', 'mammography', 'fluoroscopy']);
export const radiologyStatusEnum = care.enum('radiology_status', ['ordered', 'reported', 'verified', 'cancelled']);

export const radiologyOrder = care.table(
  'radiology_order',
  {
    id: id(),
    encounterId: uuid('encounter_id')
      .notNull()
      .references(() => encounter.id),
    patientId: uuid('patient_id').notNull(),
    orderingProviderId: uuid('ordering_provider_id').notNull(),
    orderedBy: uuid('ordered_by').notNull(),
    modality: modalityEnum('modality').notNull(),
    bodyPart: text('body_part').notNull(),
    clinicalInfo: text('clinical_info'),
    priority: priorityEnum('priority').notNull().default('routine'),
    status: radiologyStatusEnum('status').notNull().default('ordered'),
    currentVersion: integer('current_version').notNull().default(0),
    orderedAt: createdAt(),
    verifiedAt: at('verified_at'),
    verifiedBy: uuid('verified_by'),
  },
  (t) => [index('radiology_order_patient_idx').on(t.patientId, t.orderedAt)],
);

export const radiologyReport = care.table(
  'radiology_report',
  {
    id: id(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => radiologyOrder.id),
    version: integer('version').notNull(),
    findings: text('findings').notNull(),
    impression: text('impression').notNull(),
    correctionReason: text('correction_reason'),
    reportedBy: uuid('reported_by').notNull(),
    reportedAt: createdAt(),
  },
  (t) => [unique('radiology_report_order_version_key').on(t.orderId, t.version)],
);
