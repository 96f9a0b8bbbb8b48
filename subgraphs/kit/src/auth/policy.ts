import { Capabilities, type Capability } from './capabilities.ts';
import type { Identity, Role } from './identity.ts';

/**
 * The clinic's one access policy: what each role may do. Nothing else in Clinigraph knows what a role
 * means; every resolver, `__resolveReference`, live filter and service asks `can` or `requireCapability`.
 * A role (or scope) that is not in this table grants nothing.
 */

/** What every member of staff needs to identify the patient in front of them and find their way around. */
const everyStaffMember = [
  'patient.read',
  'provider.details.read',
  'facility.settings.read',
  'encounter.read',
  'clinical.reference.read',
  'chart.history.read',
  'appointment.read',
  'schedule.own-time-off',
  'stock.read',
  'price.read',
] as const satisfies readonly Capability[];

/** Doctors and nurses: the care team's reading and routine work. */
const careTeam = [
  'patient.register',
  'patient.details.write',
  'patient.clinical-summary.read',
  'patient.clinical-summary.write',
  'patient.emergency-contacts.read',
  'encounter.open',
  'encounter.queue.read',
  'clinical.read',
  'diagnosis.read',
  'prescription.read',
  'lab.read',
  'certificate.read',
  'referral.read',
  'referral.status.update',
  'vitals.record',
  'document.upload',
  'lab.sample.collect',
  'lab.critical.acknowledge',
  'appointment.book-for-others',
  'visit.conduct',
  'queue.read',
] as const satisfies readonly Capability[];

/**
 * What an admin is not given although they may do everything else: acts on one's own patient record,
 * seeing every facility (the network admin's), the clinical acts reserved to the care team (acknowledging a doctor's critical alert, their inbox and
 * own-encounter feed, breaking the glass to open a chart in an emergency), and the nurse's narrower right to issue from a ward cabinet (admins issue from anywhere).
 */
export const AdminWithheld = [
  'own.read',
  'own.update',
  'own.book',
  'own.pay',
  'lab.critical.acknowledge',
  'lab.critical.inbox',
  'encounter.feed.own',
  'stock.issue.ward-cabinet',
  'facility.all-sites',
  'chart.emergency-access',
] as const satisfies readonly Capability[];

const withheld: readonly Capability[] = AdminWithheld;

export const RoleCapabilities: Readonly<Record<Role, readonly Capability[]>> = {
  patient: ['own.read', 'own.update', 'own.book', 'own.pay'],
  doctor: [
    ...everyStaffMember,
    ...careTeam,
    'clinical.write',
    'prescription.sign',
    'certificate.issue',
    'radiology.manage',
    'lab.order',
    'lab.result.release',
    'lab.result.review',
    'lab.critical.inbox',
    'encounter.feed.own',
    'chart.emergency-access',
  ],
  nurse: [...everyStaffMember, ...careTeam, 'encounter.feed.all', 'stock.issue.ward-cabinet', 'chart.emergency-access'],
  receptionist: [
    ...everyStaffMember,
    'patient.register',
    'patient.details.write',
    'patient.emergency-contacts.read',
    'patient.insurance.read',
    'patient.insurance.write',
    'encounter.open',
    'encounter.queue.read',
    'certificate.read',
    'referral.read',
    'referral.status.update',
    'appointment.book-for-others',
    'queue.read',
    'schedule.manage',
  ],
  pharmacist: [
    ...everyStaffMember,
    'patient.clinical-summary.read',
    'prescription.read',
    'stock.manage',
    'stock.issue',
    'catalogue.manage',
    'equipment.manage',
  ],
  billing: [
    ...everyStaffMember,
    'patient.insurance.read',
    'patient.insurance.write',
    'diagnosis.read',
    'finance.read',
    'price.manage',
    'invoice.manage',
    'money.collect',
    'insurance.manage',
  ],
  lab: [
    ...everyStaffMember,
    'patient.clinical-summary.read',
    'lab.read',
    'lab.sample.collect',
    'lab.sample.receive',
    'lab.result.enter',
    'lab.result.verify',
    'lab.result.release',
    'equipment.manage',
  ],
  admin: Capabilities.filter((c) => !withheld.includes(c)),
  /** An admin of a whole clinic network: an admin's rights at every facility. */
  network_admin: [...Capabilities.filter((c) => !withheld.includes(c)), 'facility.all-sites'],
};

/**
 * OAuth scopes a partner client may hold, each mapped to capabilities in `ScopeCapabilities` exactly
 * as roles are. No partner scope grants anything yet; a scope in a token that is not listed here grants nothing.
 */
export const PartnerScopes = [] as const;
export type PartnerScope = (typeof PartnerScopes)[number];
export const ScopeCapabilities: Readonly<Record<PartnerScope, readonly Capability[]>> = {};

const granted = <K extends string>(table: Readonly<Record<K, readonly Capability[]>>, key: string): readonly Capability[] =>
  Object.hasOwn(table, key) ? table[key as K] : [];

/** What the policy needs to know of a caller. */
type Caller = Pick<Identity, 'roles' | 'scopes' | 'mfa' | 'mfaRequired'>;

/**
 * Two-step sign-in: an identity whose roles must use a second factor (admins always, other roles as the
 * clinic's MFA setting says; the token's `mfr`) holds no capability until its session was confirmed with
 * one (`amr` holds `otp`). Enrolling needs only a signed-in identity, so such a person can still enrol.
 */
export const mfaSatisfied = (identity: Caller): boolean => identity.mfaRequired !== true || identity.mfa === true;

/** Everything an identity may do: the union of what its roles and partner scopes grant. */
export function capabilitiesOf(identity: Caller | null): Set<Capability> {
  const held = new Set<Capability>();
  if (!identity || !mfaSatisfied(identity)) return held;
  for (const role of identity.roles) for (const c of granted(RoleCapabilities, role)) held.add(c);
  for (const scope of identity.scopes) for (const c of granted(ScopeCapabilities, scope)) held.add(c);
  return held;
}

/** Whether the roles and scopes grant the capability, second factor aside. */
export const granting = (identity: Caller, capability: Capability): boolean =>
  identity.roles.some((role) => granted(RoleCapabilities, role).includes(capability)) ||
  identity.scopes.some((scope) => granted(ScopeCapabilities, scope).includes(capability));

/** Whether the identity holds the capability (no identity holds nothing; nor one missing the second factor its roles need). */
export function can(identity: Caller | null, capability: Capability): boolean {
  return !!identity && mfaSatisfied(identity) && granting(identity, capability);
}
