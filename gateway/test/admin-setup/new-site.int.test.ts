import type { GqlClient } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';

/**
 * What the admin screens do to open a new site, step by step through the gateway: each subgraph keeps
 * its own copy of the facility's zone, so the screens give it to scheduling whenever it is set.
 */
let stack: TestStack;
let admin: GqlClient;

beforeAll(async () => {
  stack = await startTestStack();
  admin = await stack.as('admin');
});
afterAll(() => stack?.stop());

const CREATE_FACILITY = 'mutation($input: CreateFacilityInput!) { createFacility(input: $input) { id timezone } }';
const UPDATE_FACILITY = 'mutation($id: ID!, $input: UpdateFacilityInput!) { updateFacility(id: $id, input: $input) { id timezone } }';
const ZONE = 'mutation($facilityId: ID!, $timezone: String!) { setFacilityTimezone(facilityId: $facilityId, timezone: $timezone) { timezone } }';
const DEPARTMENT = 'mutation($input: CreateDepartmentInput!) { createDepartment(input: $input) { id } }';
const PROVIDER = 'mutation($input: CreateProviderInput!) { createProvider(input: $input) { id displayName } }';
const BILLING_SPECIALTY =
  'mutation($providerId: ID!, $specialty: String!) { setProviderBillingSpecialty(providerId: $providerId, specialty: $specialty) { specialty } }';
const SCHEDULE = 'mutation($input: CreateScheduleInput!) { createSchedule(input: $input) { id timezone } }';
const EXCEPTION = 'mutation($input: ScheduleExceptionInput!) { addScheduleException(input: $input) { id startsAt endsAt } }';
const EXCEPTIONS = 'query($f: ID!, $from: Date!, $to: Date!) { scheduleExceptions(facilityId: $f, from: $from, to: $to) { id kind reason } }';
const LOCATION = 'mutation($input: CreateLocationInput!) { createLocation(input: $input) { id } }';
const LOCATIONS = 'query($f: ID!) { locations(facilityId: $f) { code facility { id name } } }';

describe('an admin opens a new site', () => {
  it('creates the facility, a department, a provider and a schedule, and a holiday in the corrected zone', async () => {
    const { createFacility: site } = await admin.data<{ createFacility: { id: string; timezone: string } }>(CREATE_FACILITY, {
      input: { code: 'HIL', name: 'Hillside Clinic', timezone: 'Europe/Berlin', address: '1 Hill Road', phone: null },
    });
    await admin.data(ZONE, { facilityId: site.id, timezone: site.timezone });
    // The zone was wrong: the admin corrects it, and the screen gives scheduling the new one.
    await admin.data(UPDATE_FACILITY, { id: site.id, input: { timezone: 'Europe/Lisbon' } });
    await admin.data(ZONE, { facilityId: site.id, timezone: 'Europe/Lisbon' });

    const { createDepartment } = await admin.data<{ createDepartment: { id: string } }>(DEPARTMENT, {
      input: { facilityId: site.id, name: 'Family medicine' },
    });
    const { createProvider: doctor } = await admin.data<{ createProvider: { id: string; displayName: string } }>(PROVIDER, {
      input: {
        givenName: 'Ana',
        familyName: 'Costa',
        title: 'Dr.',
        specialty: 'Family Medicine',
        consultationFeeMinor: 5000,
        currency: 'EUR',
        facilityIds: [site.id],
        departmentIds: [createDepartment.id],
      },
    });
    expect(doctor.displayName).toBe('Dr. Ana Costa');
    expect(
      (await admin.data<{ setProviderBillingSpecialty: { specialty: string } }>(BILLING_SPECIALTY, { providerId: doctor.id, specialty: 'Family Medicine' }))
        .setProviderBillingSpecialty.specialty,
    ).toBe('Family Medicine');

    const { createSchedule } = await admin.data<{ createSchedule: { timezone: string } }>(SCHEDULE, {
      input: {
        providerId: doctor.id,
        facilityId: site.id,
        timezone: 'Europe/Lisbon',
        effectiveFrom: '2026-01-05',
        rules: [{ weekday: 1, startTime: '09:00', endTime: '13:00', slotMinutes: 20 }],
      },
    });
    expect(createSchedule.timezone).toBe('Europe/Lisbon');

    const { addScheduleException } = await admin.data<{ addScheduleException: { startsAt: string; endsAt: string } }>(EXCEPTION, {
      input: { kind: 'HOLIDAY', facilityId: site.id, date: '2026-12-25', reason: 'Christmas' },
    });
    expect(addScheduleException).toEqual(expect.objectContaining({ startsAt: '2026-12-25T00:00:00.000Z', endsAt: '2026-12-26T00:00:00.000Z' }));
    const december = { f: site.id, from: '2026-12-01', to: '2026-12-31' };
    const seen = await admin.data<{ scheduleExceptions: { kind: string; reason: string }[] }>(EXCEPTIONS, december);
    expect(seen.scheduleExceptions).toEqual([expect.objectContaining({ kind: 'HOLIDAY', reason: 'Christmas' })]);
    // Reception of the first site is not staff of the new one until an admin adds them.
    const reception = await stack.as('receptionist');
    expect((await reception.request(EXCEPTIONS, december)).errors[0]?.extensions?.code).toBe('NOT_FOUND');

    await admin.data(LOCATION, { input: { facilityId: site.id, code: 'PHARM', name: 'Pharmacy', kind: 'PHARMACY' } });
    const { locations } = await admin.data<{ locations: { code: string; facility: { id: string; name: string } }[] }>(LOCATIONS, { f: site.id });
    expect(locations).toEqual([{ code: 'PHARM', facility: { id: site.id, name: 'Hillside Clinic' } }]);
  });
});
