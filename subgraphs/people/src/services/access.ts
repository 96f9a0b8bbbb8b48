import { assertPatientAccess, type Capability, can, forbidden, type Identity, notFound, requireIdentity } from '@clinigraph/kit';

interface HasIdentity {
  identity: Identity | null;
}

/**
 * The parts of a patient's record, each with the capability that reads it and the one that changes it
 * (the access policy, kit's `policy.ts`, says which roles hold them). The patient themselves may read
 * every part of their own record (`own.read`), and change the parts marked `self` (`own.update`).
 */
export type PatientSection = 'demographics' | 'contact' | 'clinical' | 'emergencyContacts' | 'insurance';

const SECTIONS: Record<PatientSection, { read: Capability; write: Capability; self: boolean }> = {
  // Everyone who may find a patient identifies the patient in front of them: name, date of birth, MRN, contact.
  demographics: { read: 'patient.read', write: 'patient.details.write', self: false },
  contact: { read: 'patient.read', write: 'patient.details.write', self: true },
  clinical: { read: 'patient.clinical-summary.read', write: 'patient.clinical-summary.write', self: false },
  emergencyContacts: { read: 'patient.emergency-contacts.read', write: 'patient.details.write', self: true },
  insurance: { read: 'patient.insurance.read', write: 'patient.insurance.write', self: true },
};

const isSelf = (identity: Identity, patientId: string) => !can(identity, 'patient.read') && identity.patientId === patientId;

/**
 * May the caller read this part of this patient's record? Call only after the patient itself was
 * loaded through readPatient, which already answered NOT_FOUND to anyone who may not see it at all.
 */
export function assertSectionRead(ctx: HasIdentity, patientId: string, section: PatientSection): void {
  const identity = assertPatientAccess(ctx, patientId);
  if (isSelf(identity, patientId) ? can(identity, 'own.read') : can(identity, SECTIONS[section].read)) return;
  throw forbidden(`Your role may not see this patient's ${sectionLabel[section]}`);
}

/**
 * May the caller change these parts of this patient's record? A patient asking about anyone else
 * gets NOT_FOUND (as for a missing record); a role without the right gets FORBIDDEN.
 */
export function assertSectionWrite(ctx: HasIdentity, patientId: string, sections: Iterable<PatientSection>): Identity {
  const identity = requireIdentity(ctx);
  if (!can(identity, 'patient.read') && identity.patientId !== patientId) throw notFound('Patient');
  for (const section of sections) {
    const rule = SECTIONS[section];
    if (isSelf(identity, patientId) ? rule.self && can(identity, 'own.update') : can(identity, rule.write)) continue;
    throw forbidden(`Your role may not change this patient's ${sectionLabel[section]}`);
  }
  return identity;
}

const sectionLabel: Record<PatientSection, string> = {
  demographics: 'identifying details',
  contact: 'contact details',
  clinical: 'clinical details',
  emergencyContacts: 'emergency contacts',
  insurance: 'insurance details',
};
