import { assertPatientAccess, forbidden, type Identity, isStaff, notFound, type Role, requireIdentity, requireRole } from '@clinigraph/kit';

interface HasIdentity {
  identity: Identity | null;
}

/**
 * The parts of a patient's record, each with the staff roles that need it. Admins may do everything,
 * as everywhere in Clinigraph; the patient themselves may read every part of their own record.
 */
export type PatientSection = 'demographics' | 'contact' | 'clinical' | 'emergencyContacts' | 'insurance';

/** Who may read each part (besides admins and the patient themselves). */
export const READ_ROLES: Record<PatientSection, readonly Role[]> = {
  // Every member of staff identifies the patient in front of them: name, date of birth, MRN, contact.
  demographics: ['doctor', 'nurse', 'receptionist', 'pharmacist', 'billing', 'lab'],
  contact: ['doctor', 'nurse', 'receptionist', 'pharmacist', 'billing', 'lab'],
  // Blood group, allergies and chronic conditions: those who treat, dispense or test.
  clinical: ['doctor', 'nurse', 'pharmacist', 'lab'],
  emergencyContacts: ['doctor', 'nurse', 'receptionist'],
  insurance: ['receptionist', 'billing'],
};

/** Who may change each part (besides admins), and whether the patient may change it themselves. */
export const WRITE_ROLES: Record<PatientSection, { roles: readonly Role[]; self: boolean }> = {
  demographics: { roles: ['receptionist', 'nurse', 'doctor'], self: false },
  contact: { roles: ['receptionist', 'nurse', 'doctor'], self: true },
  clinical: { roles: ['doctor', 'nurse'], self: false },
  emergencyContacts: { roles: ['receptionist', 'nurse', 'doctor'], self: true },
  insurance: { roles: ['receptionist', 'billing'], self: true },
};

/** Who may register a patient record (without an account). */
export const REGISTER_ROLES: readonly Role[] = ['receptionist', 'nurse', 'doctor'];

const holds = (identity: Identity, roles: readonly Role[]) => identity.roles.some((r) => r === 'admin' || roles.includes(r));
const isSelf = (identity: Identity, patientId: string) => !isStaff(identity) && identity.patientId === patientId;

/**
 * May the caller read this part of this patient's record? Call only after the patient itself was
 * loaded through readPatient, which already answered NOT_FOUND to anyone who may not see it at all.
 */
export function assertSectionRead(ctx: HasIdentity, patientId: string, section: PatientSection): void {
  const identity = assertPatientAccess(ctx, patientId);
  if (isSelf(identity, patientId) || holds(identity, READ_ROLES[section])) return;
  throw forbidden(`Your role may not see this patient's ${sectionLabel[section]}`);
}

/**
 * May the caller change these parts of this patient's record? A patient asking about anyone else
 * gets NOT_FOUND (as for a missing record); a role without the right gets FORBIDDEN.
 */
export function assertSectionWrite(ctx: HasIdentity, patientId: string, sections: Iterable<PatientSection>): Identity {
  const identity = requireIdentity(ctx);
  if (!isStaff(identity) && identity.patientId !== patientId) throw notFound('Patient');
  for (const section of sections) {
    const rule = WRITE_ROLES[section];
    if (isSelf(identity, patientId) ? rule.self : holds(identity, rule.roles)) continue;
    throw forbidden(`Your role may not change this patient's ${sectionLabel[section]}`);
  }
  return identity;
}

export const requireAdmin = (ctx: HasIdentity): Identity => requireRole(ctx, 'admin');

const sectionLabel: Record<PatientSection, string> = {
  demographics: 'identifying details',
  contact: 'contact details',
  clinical: 'clinical details',
  emergencyContacts: 'emergency contacts',
  insurance: 'insurance details',
};
