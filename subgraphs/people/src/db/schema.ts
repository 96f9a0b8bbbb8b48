import { sql } from 'drizzle-orm';
import { type AnyPgColumn, check, date, index, integer, pgSchema, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const people = pgSchema('people');

export const sexEnum = people.enum('sex', ['female', 'male', 'intersex', 'unknown']);
export const accountStatusEnum = people.enum('account_status', ['active', 'deactivated']);
export const allergySeverityEnum = people.enum('allergy_severity', ['mild', 'moderate', 'severe', 'life_threatening']);
export const bloodGroupEnum = people.enum('blood_group', ['A_POS', 'A_NEG', 'B_POS', 'B_NEG', 'AB_POS', 'AB_NEG', 'O_POS', 'O_NEG']);

const id = () => uuid('id').primaryKey().defaultRandom();
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const facility = people.table(
  'facility',
  {
    id: id(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    timezone: text('timezone').notNull(),
    address: text('address'),
    phone: text('phone'),
    /** Staff sessions end after this many idle minutes (the strictest of a person's facilities applies). */
    sessionIdleMinutes: integer('session_idle_minutes').notNull().default(30),
    createdAt: createdAt(),
  },
  (t) => [check('facility_session_idle_range', sql`${t.sessionIdleMinutes} between 15 and 60`)],
);

export const department = people.table(
  'department',
  {
    id: id(),
    facilityId: uuid('facility_id')
      .notNull()
      .references(() => facility.id),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('department_facility_name_uq').on(t.facilityId, t.name)],
);

export const patient = people.table(
  'patient',
  {
    id: id(),
    mrn: text('mrn').notNull().unique(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    dateOfBirth: date('date_of_birth').notNull(),
    sex: sexEnum('sex').notNull(),
    phone: text('phone'),
    email: text('email'),
    address: text('address'),
    bloodGroup: bloodGroupEnum('blood_group'),
    chronicConditions: text('chronic_conditions').array().notNull().default(sql`'{}'::text[]`),
    registeredFacilityId: uuid('registered_facility_id').references(() => facility.id),
    /** Set when an admin merged this duplicate into another record: the row stays as a tombstone pointing to the survivor. */
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => patient.id),
    mergedAt: timestamp('merged_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('patient_not_merged_into_itself', sql`${t.mergedIntoId} <> ${t.id}`),
    check('patient_merge_complete', sql`(${t.mergedIntoId} is null) = (${t.mergedAt} is null)`),
    index('patient_family_given_idx').on(sql`lower(${t.familyName})`, sql`lower(${t.givenName})`, t.id),
    index('patient_phone_idx').on(t.phone),
    // The duplicate check at registration looks patients up by date of birth.
    index('patient_date_of_birth_idx').on(t.dateOfBirth),
  ],
);

/**
 * The facilities a patient belongs to, which decide which staff see them (facility scoping): where they
 * were registered, the facility of the staff member who registered them, and every facility where they
 * were booked or seen (people's consumer of appointment and encounter events). Only ever grows.
 */
export const patientFacility = people.table(
  'patient_facility',
  {
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patient.id, { onDelete: 'cascade' }),
    facilityId: uuid('facility_id')
      .notNull()
      .references(() => facility.id, { onDelete: 'cascade' }),
    since: timestamp('since', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.patientId, t.facilityId] }), index('patient_facility_facility_idx').on(t.facilityId, t.patientId)],
);

export const allergy = people.table(
  'allergy',
  {
    id: id(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patient.id, { onDelete: 'cascade' }),
    substance: text('substance').notNull(),
    reaction: text('reaction'),
    severity: allergySeverityEnum('severity').notNull(),
    recordedAt: createdAt(),
  },
  (t) => [index('allergy_patient_idx').on(t.patientId)],
);

export const emergencyContact = people.table(
  'emergency_contact',
  {
    id: id(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patient.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    relationship: text('relationship').notNull(),
    phone: text('phone').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('emergency_contact_patient_idx').on(t.patientId)],
);

export const insuranceDetail = people.table(
  'insurance_detail',
  {
    id: id(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patient.id, { onDelete: 'cascade' }),
    payer: text('payer').notNull(),
    memberId: text('member_id').notNull(),
    groupNumber: text('group_number'),
    validUntil: date('valid_until'),
    createdAt: createdAt(),
  },
  (t) => [index('insurance_detail_patient_idx').on(t.patientId)],
);

export const provider = people.table(
  'provider',
  {
    id: id(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    title: text('title'),
    specialty: text('specialty').notNull(),
    qualifications: text('qualifications').array().notNull().default(sql`'{}'::text[]`),
    licenseNumber: text('license_number'),
    consultationFeeMinor: integer('consultation_fee_minor').notNull().default(0),
    currency: text('currency').notNull().default('USD'),
    createdAt: createdAt(),
  },
  (t) => [check('provider_fee_nonnegative', sql`${t.consultationFeeMinor} >= 0`), check('provider_currency_iso', sql`${t.currency} ~ '^[A-Z]{3}$'`)],
);

export const providerDepartment = people.table(
  'provider_department',
  {
    providerId: uuid('provider_id')
      .notNull()
      .references(() => provider.id, { onDelete: 'cascade' }),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => department.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.providerId, t.departmentId] })],
);

export const providerFacility = people.table(
  'provider_facility',
  {
    providerId: uuid('provider_id')
      .notNull()
      .references(() => provider.id, { onDelete: 'cascade' }),
    facilityId: uuid('facility_id')
      .notNull()
      .references(() => facility.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.providerId, t.facilityId] })],
);

export const account = people.table(
  'account',
  {
    id: id(),
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    roles: text('roles').array().notNull(),
    status: accountStatusEnum('status').notNull().default('active'),
    displayName: text('display_name').notNull(),
    patientId: uuid('patient_id').references(() => patient.id),
    providerId: uuid('provider_id').references(() => provider.id),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    check('account_roles_nonempty', sql`cardinality(${t.roles}) > 0`),
    uniqueIndex('account_email_uq').on(sql`lower(${t.email})`),
    uniqueIndex('account_patient_uq').on(t.patientId),
    uniqueIndex('account_provider_uq').on(t.providerId),
  ],
);

export const accountFacility = people.table(
  'account_facility',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => account.id, { onDelete: 'cascade' }),
    facilityId: uuid('facility_id')
      .notNull()
      .references(() => facility.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.facilityId] })],
);

/** Rotating refresh tokens. Only a hash is stored; a reused token revokes its whole family. */
export const refreshToken = people.table(
  'refresh_token',
  {
    id: id(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => account.id, { onDelete: 'cascade' }),
    familyId: uuid('family_id').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: createdAt(),
    ip: text('ip'),
  },
  (t) => [index('refresh_token_family_idx').on(t.familyId), index('refresh_token_account_idx').on(t.accountId)],
);

/** Password-reset tokens: only a hash is stored; single use, one hour. */
export const passwordReset = people.table(
  'password_reset',
  {
    id: id(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => account.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('password_reset_account_idx').on(t.accountId, t.createdAt)],
);

/** Failed sign-ins, keyed by e-mail (whether or not it exists) and by IP, for throttling. */
export const loginFailure = people.table(
  'login_failure',
  {
    id: id(),
    emailKey: text('email_key').notNull(),
    ip: text('ip'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_failure_email_at_idx').on(t.emailKey, t.at), index('login_failure_ip_at_idx').on(t.ip, t.at)],
);

export const mrnSequence = people.sequence('mrn_seq', { startWith: 100001 });

/**
 * A person's TOTP factor. The secret is stored encrypted (services/mfa-secret.ts) and never answered again
 * once confirmed; `lastStep` is the last time step a code was accepted for, so no code is accepted twice.
 */
export const mfaFactor = people.table('mfa_factor', {
  accountId: uuid('account_id')
    .primaryKey()
    .references(() => account.id, { onDelete: 'cascade' }),
  secretEncrypted: text('secret_encrypted').notNull(),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  lastStep: integer('last_step'),
  createdAt: createdAt(),
});

/** One-time recovery codes: only a hash is stored; each works once. */
export const mfaRecoveryCode = people.table(
  'mfa_recovery_code',
  {
    id: id(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => account.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('mfa_recovery_code_account_idx').on(t.accountId)],
);

/** The second step of a sign-in: the password was right; a code must follow within minutes and few attempts. */
export const mfaChallenge = people.table(
  'mfa_challenge',
  {
    id: id(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => account.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('mfa_challenge_account_idx').on(t.accountId)],
);

/** Refresh-token families whose sign-in used a second factor: their refreshed tokens keep `amr: otp`. */
export const mfaVerifiedSession = people.table(
  'mfa_verified_session',
  {
    familyId: uuid('family_id').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => account.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [index('mfa_verified_session_account_idx').on(t.accountId)],
);

/** The clinic's MFA setting (one row; none means the default: admins only). Admins are always included. */
export const mfaPolicy = people.table(
  'mfa_policy',
  {
    id: integer('id').primaryKey().default(1),
    requiredRoles: text('required_roles').array().notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [check('mfa_policy_single_row', sql`${t.id} = 1`)],
);

/**
 * Break-the-glass grants: a clinician opened the chart of a patient outside their facilities in an
 * emergency, giving a reason. The grant lives in its sign-in session (`sessionId`) until `expiresAt`: the
 * session's access tokens carry the patient in their `btg` claim until then. Every grant is flagged
 * for review until an admin marks it reviewed with a note.
 */
export const emergencyAccess = people.table(
  'emergency_access',
  {
    id: id(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => account.id),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patient.id),
    sessionId: uuid('session_id').notNull(),
    reason: text('reason').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    reviewedBy: uuid('reviewed_by').references(() => account.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewNote: text('review_note'),
  },
  (t) => [
    check('emergency_access_reason_given', sql`length(trim(${t.reason})) >= 10`),
    check(
      'emergency_access_review_complete',
      sql`(${t.reviewedAt} is null) = (${t.reviewedBy} is null) and (${t.reviewedAt} is null) = (${t.reviewNote} is null)`,
    ),
    index('emergency_access_session_idx').on(t.sessionId, t.expiresAt),
    // The review list: unreviewed first, newest first.
    index('emergency_access_review_idx').on(sql`(${t.reviewedAt} is not null)`, t.at),
  ],
);
