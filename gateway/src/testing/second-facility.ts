import type { Role } from '@clinigraph/kit';
import { type GqlClient, gqlClient } from '@clinigraph/kit/testing';
import type { TestStack } from './stack.ts';

/**
 * A second facility in the test clinic, for facility-scoping scenarios: facility B ("Hillside"), its own
 * staff (signed in, members of B only), a doctor with a provider record there and a patient registered
 * there. The demo clinic's staff (`stack.as(role)`) belong to the demo facility A only, and must see
 * nothing of B; the demo admin is a network admin and sees both.
 */
export interface SecondFacility {
  facilityId: string;
  /** B's staff, one client per role, each a member of B only. */
  staff: Record<StaffRole, GqlClient>;
  /** B's doctor's provider record. */
  providerId: string;
  /** A patient registered at B by B's reception. */
  patientId: string;
}

export type StaffRole = Exclude<Role, 'patient' | 'admin' | 'network_admin'>;
export const StaffRolesOfB: readonly StaffRole[] = ['doctor', 'nurse', 'receptionist', 'pharmacist', 'billing', 'lab'];

const PASSWORD = 'hillside-staff-1';
const LOGIN = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }';

const made = new WeakMap<TestStack, Promise<SecondFacility>>();

/** Facility B of this stack, created once per stack through the gateway by the demo network admin. */
export function secondFacility(stack: TestStack): Promise<SecondFacility> {
  let pending = made.get(stack);
  if (!pending) {
    pending = create(stack);
    made.set(stack, pending);
  }
  return pending;
}

async function create(stack: TestStack): Promise<SecondFacility> {
  const admin = await stack.as('admin');
  const { createFacility } = await admin.data<{ createFacility: { id: string } }>(
    'mutation($input: CreateFacilityInput!) { createFacility(input: $input) { id } }',
    { input: { code: 'HIL', name: 'Hillside Clinic', timezone: 'America/New_York' } },
  );
  const facilityId = createFacility.id;
  const { createProvider } = await admin.data<{ createProvider: { id: string } }>(
    'mutation($input: CreateProviderInput!) { createProvider(input: $input) { id } }',
    {
      input: {
        givenName: 'Hana',
        familyName: 'Hill',
        specialty: 'General Practice',
        consultationFeeMinor: 5000,
        currency: 'USD',
        facilityIds: [facilityId],
      },
    },
  );
  const providerId = createProvider.id;
  const entries = await Promise.all(
    StaffRolesOfB.map(async (role) => {
      const email = `${role}.hillside@clinigraph.test`;
      await admin.data('mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }', {
        input: {
          email,
          password: PASSWORD,
          displayName: `Hillside ${role}`,
          roles: [role.toUpperCase()],
          facilityIds: [facilityId],
          ...(role === 'doctor' ? { providerId } : {}),
        },
      });
      const { login } = await stack.anonymous.data<{ login: { accessToken: string } }>(LOGIN, { email, password: PASSWORD });
      return [role, gqlClient(stack.graphqlUrl, login.accessToken)] as const;
    }),
  );
  const staff = Object.fromEntries(entries) as Record<StaffRole, GqlClient>;
  const { createPatient } = await staff.receptionist.data<{ createPatient: { id: string } }>(
    'mutation($input: CreatePatientInput!) { createPatient(input: $input) { id } }',
    { input: { givenName: 'Holly', familyName: 'Hillside', dateOfBirth: '1990-04-04', sex: 'FEMALE', registeredFacilityId: facilityId } },
  );
  return { facilityId, staff, providerId, patientId: createPatient.id };
}
