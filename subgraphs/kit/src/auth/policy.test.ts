import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { Capabilities, type Capability } from './capabilities.ts';
import { canSeePatient, patientConfinement, requireCapability } from './guards.ts';
import { type Identity, type Role, Roles } from './identity.ts';
import { AdminWithheld, can, capabilitiesOf, RoleCapabilities } from './policy.ts';
import { policyTable, unpadded, withPolicyTable } from './policy-table.ts';

const PATIENT_ID = '11111111-1111-4111-8111-111111111111';
const OTHER_PATIENT_ID = '22222222-2222-4222-8222-222222222222';

const who = (roles: string[], extra: Partial<Identity> = {}): Identity => ({
  userId: 'u1',
  roles: roles as Role[],
  patientId: null,
  providerId: null,
  facilityIds: [],
  scopes: [],
  ...extra,
});
const holders = (capability: Capability) => Roles.filter((role) => can(who([role]), capability));
const codeOfThrow = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err instanceof AppError ? err.extensions.code : 'not an AppError';
  }
  return null;
};
const staffRoles = Roles.filter((r) => r !== 'patient');

describe('the access policy', () => {
  it('gives a patient only acts on their own record, and no member of staff any of them', () => {
    expect([...capabilitiesOf(who(['patient']))].sort()).toEqual(['own.book', 'own.pay', 'own.read', 'own.update']);
    for (const own of ['own.read', 'own.update', 'own.book', 'own.pay'] as const) expect(holders(own)).toEqual(['patient']);
  });

  it('lets every member of staff find patients, read encounters, the price list and stock; never a patient', () => {
    for (const capability of ['patient.read', 'encounter.read', 'appointment.read', 'price.read', 'stock.read'] as const) {
      expect(holders(capability)).toEqual(staffRoles);
    }
  });

  it.each<[string, Capability, Role[]]>([
    ['sign prescriptions', 'prescription.sign', ['doctor', 'admin']],
    ['write clinical content', 'clinical.write', ['doctor', 'admin']],
    ['record vitals', 'vitals.record', ['doctor', 'nurse', 'admin']],
    ['read notes, vitals and documents', 'clinical.read', ['doctor', 'nurse', 'admin']],
    ['read diagnoses', 'diagnosis.read', ['doctor', 'nurse', 'billing', 'admin']],
    ['read prescriptions and the dispense queue', 'prescription.read', ['doctor', 'nurse', 'pharmacist', 'admin']],
    ['read labs and the lab worklist', 'lab.read', ['doctor', 'nurse', 'lab', 'admin']],
    ['enter lab results', 'lab.result.enter', ['lab', 'admin']],
    ['verify lab results', 'lab.result.verify', ['lab', 'admin']],
    ['release lab results', 'lab.result.release', ['doctor', 'lab', 'admin']],
    ['acknowledge a critical result', 'lab.critical.acknowledge', ['doctor', 'nurse']],
    ['register a patient', 'patient.register', ['doctor', 'nurse', 'receptionist', 'admin']],
    ['read insurance details', 'patient.insurance.read', ['receptionist', 'billing', 'admin']],
    ['book for other patients', 'appointment.book-for-others', ['doctor', 'nurse', 'receptionist', 'admin']],
    ['manage schedules', 'schedule.manage', ['receptionist', 'admin']],
    ['start and complete visits', 'visit.conduct', ['doctor', 'nurse', 'admin']],
    ['manage stock (dispense, receive, adjust)', 'stock.manage', ['pharmacist', 'admin']],
    ['issue stock from anywhere', 'stock.issue', ['pharmacist', 'admin']],
    ['issue stock from a ward cabinet only', 'stock.issue.ward-cabinet', ['nurse']],
    ['maintain equipment', 'equipment.manage', ['pharmacist', 'lab', 'admin']],
    ['manage prices', 'price.manage', ['billing', 'admin']],
    ['collect money', 'money.collect', ['billing', 'admin']],
    ['read everyone’s money', 'finance.read', ['billing', 'admin']],
    ['read the audit trail', 'audit.read', ['admin']],
    ['manage accounts', 'account.manage', ['admin']],
    ['manage facilities', 'facility.manage', ['admin']],
    ['merge patient records', 'patient.merge', ['admin']],
    ['break the glass to open a chart outside their facilities', 'chart.emergency-access', ['doctor', 'nurse']],
    ['review break-the-glass grants', 'emergency-access.review', ['admin']],
  ])('who may %s (%s)', (_what, capability, roles) => {
    // A network admin holds what an admin holds, at every facility.
    const expected = roles.includes('admin') ? [...roles, 'network_admin'] : roles;
    expect(holders(capability)).toEqual(Roles.filter((r) => expected.includes(r)));
  });

  it('gives an admin every capability except acts on their own record and those kept for the care team', () => {
    const admin = capabilitiesOf(who(['admin']));
    expect(Capabilities.filter((c) => !admin.has(c)).sort()).toEqual([...AdminWithheld].sort());
    expect(AdminWithheld.filter((c) => !c.startsWith('own.')).sort()).toEqual([
      'chart.emergency-access',
      'encounter.feed.own',
      'facility.all-sites',
      'lab.critical.acknowledge',
      'lab.critical.inbox',
      'stock.issue.ward-cabinet',
    ]);
  });

  it('gives a network admin exactly an admin’s capabilities and every facility', () => {
    const network = capabilitiesOf(who(['network_admin']));
    const admin = capabilitiesOf(who(['admin']));
    expect([...network].filter((c) => !admin.has(c))).toEqual(['facility.all-sites']);
    expect([...admin].every((c) => network.has(c))).toBe(true);
    expect(holders('facility.all-sites')).toEqual(['network_admin']);
  });

  it('grants every capability to some role, so none is dead', () => {
    expect(Capabilities.filter((c) => holders(c).length === 0)).toEqual([]);
  });

  it('grants nothing to a role or a partner scope it does not know', () => {
    const ghost = who(['ghost'], { patientId: PATIENT_ID, scopes: ['service:scheduling', 'patient/*.read'] });
    expect(capabilitiesOf(ghost).size).toBe(0);
    expect(Capabilities.some((c) => can(ghost, c))).toBe(false);
    expect(canSeePatient(ghost, PATIENT_ID)).toBe(false);
    expect(codeOfThrow(() => patientConfinement({ identity: ghost }))).toBe('FORBIDDEN');
    expect(codeOfThrow(() => requireCapability({ identity: ghost }, 'patient.read'))).toBe('FORBIDDEN');
    expect(RoleCapabilities).not.toHaveProperty('ghost');
  });

  it('gives an account with several roles what each of them grants', () => {
    const both = capabilitiesOf(who(['lab', 'receptionist']));
    expect(both.has('lab.result.verify') && both.has('schedule.manage')).toBe(true);
    expect(both.has('prescription.sign')).toBe(false);
  });
});

describe('the guards built on the policy', () => {
  it('refuses a caller without a token as UNAUTHENTICATED and one without the capability as FORBIDDEN', () => {
    expect(codeOfThrow(() => requireCapability({ identity: null }, 'patient.read'))).toBe('UNAUTHENTICATED');
    expect(codeOfThrow(() => requireCapability({ identity: who(['receptionist']) }, 'prescription.sign'))).toBe('FORBIDDEN');
    expect(requireCapability({ identity: who(['doctor']) }, 'prescription.sign').userId).toBe('u1');
  });

  it('lets staff see any patient, a patient only themselves', () => {
    expect(canSeePatient(who(['billing']), OTHER_PATIENT_ID)).toBe(true);
    expect(canSeePatient(who(['patient'], { patientId: PATIENT_ID }), PATIENT_ID)).toBe(true);
    expect(canSeePatient(who(['patient'], { patientId: PATIENT_ID }), OTHER_PATIENT_ID)).toBe(false);
    expect(patientConfinement({ identity: who(['lab']) })).toBeNull();
    expect(patientConfinement({ identity: who(['patient'], { patientId: PATIENT_ID }) })).toBe(PATIENT_ID);
    expect(codeOfThrow(() => patientConfinement({ identity: who(['patient']) }))).toBe('FORBIDDEN');
  });
});

describe('the role × capability table in CONTRIBUTING.md', () => {
  it('is the one the policy gives (npm run policy:table rewrites it)', () => {
    const doc = readFileSync(fileURLToPath(new URL('../../../../CONTRIBUTING.md', import.meta.url)), 'utf8');
    expect(unpadded(doc)).toBe(unpadded(withPolicyTable(doc, policyTable())));
  });

  it('marks each role that holds a capability, and no other', () => {
    const row = policyTable()
      .split('\n')
      .find((line) => line.startsWith('| `stock.issue.ward-cabinet`'));
    expect(
      row
        ?.split('|')
        .slice(3, -1)
        .map((c) => c.trim()),
    ).toEqual(Roles.map((r) => (r === 'nurse' ? '✓' : '')));
  });
});
