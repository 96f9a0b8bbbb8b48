import type { Db, Role, Tx } from '@clinigraph/kit';
import { eq } from 'drizzle-orm';
import { hashPassword } from './auth/password.ts';
import {
  account,
  accountFacility,
  allergy,
  department,
  emergencyContact,
  facility,
  insuranceDetail,
  mfaPolicy,
  patient,
  provider,
  providerDepartment,
  providerFacility,
} from './db/schema.ts';
import { emitFacilityChanged } from './services/facilities.ts';
import { insertPatient } from './services/registration.ts';

export const DEMO_PASSWORD = 'clinigraph-demo';

export interface DemoLogin {
  role: Role;
  email: string;
  name: string;
  /** Roles the account holds beside `role`. */
  alsoRoles?: Role[];
}

export const DEMO_STAFF: DemoLogin[] = [
  // The demo clinic's admin runs the whole network: every facility, present and future.
  { role: 'admin', alsoRoles: ['network_admin'], email: 'admin@clinigraph.local', name: 'Ada Admin' },
  { role: 'doctor', email: 'dr.okafor@clinigraph.local', name: 'Amara Okafor' },
  { role: 'doctor', email: 'dr.weber@clinigraph.local', name: 'Jonas Weber' },
  { role: 'nurse', email: 'nurse@clinigraph.local', name: 'Nia Nurse' },
  { role: 'receptionist', email: 'reception@clinigraph.local', name: 'Rae Reception' },
  { role: 'pharmacist', email: 'pharmacy@clinigraph.local', name: 'Phil Pharmacist' },
  { role: 'billing', email: 'billing@clinigraph.local', name: 'Bea Billing' },
  { role: 'lab', email: 'lab@clinigraph.local', name: 'Lee Lab' },
];

export const DEMO_PATIENTS = [
  { email: 'maria@example.com', givenName: 'Maria', familyName: 'Garcia', dateOfBirth: '1985-03-14', sex: 'female', phone: '+1 555 0101' },
  { email: 'james@example.com', givenName: 'James', familyName: 'Chen', dateOfBirth: '1972-11-02', sex: 'male', phone: '+1 555 0102' },
  { email: 'aisha@example.com', givenName: 'Aisha', familyName: 'Khan', dateOfBirth: '1999-07-21', sex: 'female', phone: '+1 555 0103' },
] as const;

/**
 * The demo network's second site: its nurse works there only, and its patients were registered there, so
 * the demo shows facility scoping (each site's staff find only their own site's patients).
 */
export const NORTHGATE = {
  facility: { code: 'NOR', name: 'Northgate Clinic', timezone: 'America/New_York', address: '4 North Gate', phone: '+1 555 0200' },
  nurse: { role: 'nurse', email: 'nurse.northgate@clinigraph.local', name: 'Nell Northgate' } satisfies DemoLogin,
  patients: [
    { givenName: 'Noah', familyName: 'North', dateOfBirth: '1968-09-30', sex: 'male', phone: '+1 555 0201' },
    { givenName: 'Nadia', familyName: 'Norris', dateOfBirth: '1994-01-17', sex: 'female', phone: '+1 555 0202' },
  ],
} as const;

export interface PeopleSeed {
  /** The demo clinic's main facility (Riverside, RIV): every demo login but Northgate's works here. */
  facilityId: string;
  providerIds: string[];
  patientIds: string[];
  logins: DemoLogin[];
  /** The second site (Northgate, NOR): its facility and the patients registered there. */
  northgate: { facilityId: string; patientIds: string[] };
}

/** Demo data for `npm start` and the end-to-end tests. Idempotent: a seeded database is left as it is. */
export async function seedPeople(db: Db): Promise<PeopleSeed> {
  const logins: DemoLogin[] = [
    ...DEMO_STAFF,
    ...DEMO_PATIENTS.map((p) => ({ role: 'patient' as Role, email: p.email, name: `${p.givenName} ${p.familyName}` })),
    NORTHGATE.nurse,
  ];
  const [existing] = await db.select().from(facility).where(eq(facility.code, 'RIV'));
  if (existing) {
    const providers = await db.select({ id: provider.id }).from(provider);
    const patients = await db
      .select({ id: account.patientId })
      .from(account)
      .where(eq(account.roles, ['patient']));
    const [nor] = await db.select().from(facility).where(eq(facility.code, NORTHGATE.facility.code));
    const norPatients = nor ? await db.select({ id: patient.id }).from(patient).where(eq(patient.registeredFacilityId, nor.id)).orderBy(patient.createdAt) : [];
    return {
      facilityId: existing.id,
      providerIds: providers.map((p) => p.id),
      patientIds: patients.map((p) => p.id as string),
      logins,
      northgate: { facilityId: nor?.id ?? '', patientIds: norPatients.map((p) => p.id) },
    };
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const [fac] = await tx
      .insert(facility)
      .values({ code: 'RIV', name: 'Riverside Clinic', timezone: 'America/New_York', address: '12 River Road', phone: '+1 555 0100' })
      .returning();
    if (!fac) throw new Error('seed: no facility');
    const departments = await tx
      .insert(department)
      .values(['General Practice', 'Dentistry', 'Pharmacy', 'Laboratory'].map((name) => ({ facilityId: fac.id, name })))
      .returning();
    const gp = departments[0]!;
    const dental = departments[1]!;
    const providers = await tx
      .insert(provider)
      .values([
        {
          givenName: 'Amara',
          familyName: 'Okafor',
          title: 'Dr.',
          specialty: 'General Practice',
          qualifications: ['MBBS', 'MRCGP'],
          consultationFeeMinor: 5000,
        },
        { givenName: 'Jonas', familyName: 'Weber', title: 'Dr.', specialty: 'Dentistry', qualifications: ['DDS'], consultationFeeMinor: 6500 },
      ])
      .returning();
    await tx.insert(providerFacility).values(providers.map((p) => ({ providerId: p.id, facilityId: fac.id })));
    await tx.insert(providerDepartment).values([
      { providerId: providers[0]!.id, departmentId: gp.id },
      { providerId: providers[1]!.id, departmentId: dental.id },
    ]);
    let doctorIndex = 0;
    for (const staff of DEMO_STAFF) {
      const providerId = staff.role === 'doctor' ? providers[doctorIndex++]?.id : undefined;
      const [acc] = await tx
        .insert(account)
        .values({ email: staff.email, passwordHash, roles: [staff.role, ...(staff.alsoRoles ?? [])], displayName: staff.name, providerId })
        .returning();
      await tx.insert(accountFacility).values({ accountId: acc!.id, facilityId: fac.id });
    }
    const patientIds: string[] = [];
    for (const p of DEMO_PATIENTS) {
      const row = await insertPatient(tx, { ...p, address: null }, fac.id);
      patientIds.push(row.id);
      await tx.insert(account).values({ email: p.email, passwordHash, roles: ['patient'], displayName: `${p.givenName} ${p.familyName}`, patientId: row.id });
    }
    await tx.insert(allergy).values({ patientId: patientIds[0]!, substance: 'Penicillin', reaction: 'Hives', severity: 'severe' });
    // The demo's shared accounts sign in with a password alone; a real clinic keeps the default (admins need two-step sign-in).
    await tx.insert(mfaPolicy).values({ requiredRoles: [] });
    await tx.insert(emergencyContact).values({ patientId: patientIds[0]!, name: 'Luis Garcia', relationship: 'Spouse', phone: '+1 555 0199' });
    await tx.insert(insuranceDetail).values({ patientId: patientIds[0]!, payer: 'Acme Health', memberId: 'ACM-2231-77', groupNumber: 'G-100' });
    await tx
      .update(patient)
      .set({ bloodGroup: 'O_POS', chronicConditions: ['Asthma'] })
      .where(eq(patient.id, patientIds[0]!));
    await tx
      .update(patient)
      .set({ chronicConditions: ['Hypertension'] })
      .where(eq(patient.id, patientIds[1]!));
    await emitFacilityChanged(tx, fac, null);
    const northgate = await seedNorthgate(tx, passwordHash);
    return { facilityId: fac.id, providerIds: providers.map((p) => p.id), patientIds, logins, northgate };
  });
}

async function seedNorthgate(tx: Tx, passwordHash: string): Promise<PeopleSeed['northgate']> {
  const [fac] = await tx.insert(facility).values(NORTHGATE.facility).returning();
  if (!fac) throw new Error('seed: no Northgate facility');
  await tx.insert(department).values({ facilityId: fac.id, name: 'General Practice' });
  const [nurse] = await tx
    .insert(account)
    .values({ email: NORTHGATE.nurse.email, passwordHash, roles: [NORTHGATE.nurse.role], displayName: NORTHGATE.nurse.name })
    .returning();
  await tx.insert(accountFacility).values({ accountId: nurse!.id, facilityId: fac.id });
  const patientIds: string[] = [];
  for (const p of NORTHGATE.patients) patientIds.push((await insertPatient(tx, { ...p, email: null, address: null }, fac.id)).id);
  await emitFacilityChanged(tx, fac, null);
  return { facilityId: fac.id, patientIds };
}
