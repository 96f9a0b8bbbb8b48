import type { GqlClient } from '@clinigraph/kit/testing';
import { codeOf } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isIanaTimeZone } from '../services/inputs.ts';
import { type PeopleTestSubgraph, startPeopleSubgraph, tracked } from '../testing.ts';

let people: PeopleTestSubgraph;
let admin: GqlClient;
let doctor: GqlClient;
let maria: GqlClient;

beforeAll(async () => {
  people = await startPeopleSubgraph();
  [admin, doctor, maria] = await Promise.all([people.as('admin'), people.as('doctor'), people.as('maria')]);
});
afterAll(() => people?.close());

const track = <T>(run: () => Promise<T>) => tracked(people.database, run);

const CREATE_FACILITY = 'mutation($input: CreateFacilityInput!) { createFacility(input: $input) { id code name timezone departments { name } } }';
const UPDATE_FACILITY = 'mutation($id: ID!, $input: UpdateFacilityInput!) { updateFacility(id: $id, input: $input) { id code timezone phone } }';
const CREATE_DEPARTMENT = 'mutation($input: CreateDepartmentInput!) { createDepartment(input: $input) { id name facility { code } } }';
const UPDATE_DEPARTMENT = 'mutation($id: ID!, $input: UpdateDepartmentInput!) { updateDepartment(id: $id, input: $input) { id name } }';
const CREATE_PROVIDER = `mutation($input: CreateProviderInput!) {
  createProvider(input: $input) { id displayName specialty qualifications consultationFeeMinor currency licenseNumber departments { name } facilities { code } }
}`;
const UPDATE_PROVIDER =
  'mutation($id: ID!, $input: UpdateProviderInput!) { updateProvider(id: $id, input: $input) { id specialty consultationFeeMinor currency departments { name } facilities { code } } }';

describe('time zones', () => {
  it('accepts IANA names and refuses offsets and inventions', () => {
    for (const tz of ['Europe/Berlin', 'America/Argentina/Buenos_Aires', 'UTC', 'Etc/GMT+5', 'Asia/Kolkata']) expect(isIanaTimeZone(tz), tz).toBe(true);
    for (const tz of ['+01:00', 'GMT+1:00', 'Mars/Olympus', 'Europe/', '', 'europe berlin', 'CEST']) expect(isIanaTimeZone(tz), tz).toBe(false);
  });
});

describe('facilities and departments', () => {
  it('admins create and update them; the time zone must be IANA', async () => {
    const { createFacility } = await admin.data<{ createFacility: any }>(CREATE_FACILITY, {
      input: { code: 'hill', name: 'Hillside Clinic', timezone: 'Europe/Berlin', phone: '+49 30 1234567' },
    });
    expect(createFacility).toMatchObject({ code: 'HILL', timezone: 'Europe/Berlin', departments: [] });
    const { updateFacility } = await admin.data<{ updateFacility: any }>(UPDATE_FACILITY, {
      id: createFacility.id,
      input: { timezone: 'Europe/Vienna', phone: null },
    });
    expect(updateFacility).toMatchObject({ code: 'HILL', timezone: 'Europe/Vienna', phone: null });

    const { createDepartment } = await admin.data<{ createDepartment: any }>(CREATE_DEPARTMENT, {
      input: { facilityId: createFacility.id, name: 'Cardiology' },
    });
    expect(createDepartment).toMatchObject({ name: 'Cardiology', facility: { code: 'HILL' } });
    expect(
      (await admin.data<{ updateDepartment: any }>(UPDATE_DEPARTMENT, { id: createDepartment.id, input: { name: 'Cardiology & Vascular' } })).updateDepartment
        .name,
    ).toBe('Cardiology & Vascular');
    const FACILITY = 'query($id: ID!) { facility(id: $id) { departments { name } } }';
    const { facility } = await admin.data<{ facility: any }>(FACILITY, { id: createFacility.id });
    expect(facility.departments).toEqual([{ name: 'Cardiology & Vascular' }]);
    // The demo doctor works at the demo clinic only: the new site is not theirs to see.
    expect(codeOf(await doctor.request(FACILITY, { id: createFacility.id }))).toBe('NOT_FOUND');
    const audit = await people.database.query<{ entity_type: string; action: string }>(
      "select entity_type, action from audit.event where entity_type in ('Facility', 'Department') order by id",
    );
    expect(audit).toEqual([
      { entity_type: 'Facility', action: 'create' },
      { entity_type: 'Facility', action: 'update' },
      { entity_type: 'Department', action: 'create' },
      { entity_type: 'Department', action: 'update' },
    ]);
  });

  it('announces each facility and each change of its time zone on the event log, for supply', async () => {
    const announced = (id: string) =>
      people.database.query<{ timezone: string }>(
        "select payload->>'timezone' as timezone from events.log where topic = 'facility.changed' and facility_id = $1 order by id",
        [id],
      );
    const { createFacility } = await admin.data<{ createFacility: { id: string } }>(CREATE_FACILITY, {
      input: { code: 'LAKE', name: 'Lakeside Clinic', timezone: 'Asia/Tokyo' },
    });
    await admin.data(UPDATE_FACILITY, { id: createFacility.id, input: { name: 'Lakeside' } });
    await admin.data(UPDATE_FACILITY, { id: createFacility.id, input: { timezone: 'Asia/Seoul' } });
    expect(await announced(createFacility.id)).toEqual([{ timezone: 'Asia/Tokyo' }, { timezone: 'Asia/Seoul' }]);
    expect(await announced(people.seed.facilityId)).toEqual([{ timezone: 'America/New_York' }]);
  });

  it('refuses bad input (BAD_USER_INPUT) and duplicates (CONFLICT), writing nothing', async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      [CREATE_FACILITY, { input: { code: 'MARS', name: 'Olympus', timezone: 'Mars/Olympus' } }, 'BAD_USER_INPUT'],
      [CREATE_FACILITY, { input: { code: 'OFF', name: 'Offset', timezone: '+01:00' } }, 'BAD_USER_INPUT'],
      [CREATE_FACILITY, { input: { code: 'x', name: 'Too short a code', timezone: 'UTC' } }, 'BAD_USER_INPUT'],
      [CREATE_FACILITY, { input: { code: 'riv', name: 'Riverside again', timezone: 'UTC' } }, 'CONFLICT'],
      [UPDATE_FACILITY, { id: people.seed.facilityId, input: { timezone: 'Nowhere/Special' } }, 'BAD_USER_INPUT'],
      [UPDATE_FACILITY, { id: people.seed.facilityId, input: {} }, 'BAD_USER_INPUT'],
      [UPDATE_FACILITY, { id: '00000000-0000-4000-8000-000000000000', input: { name: 'Ghost' } }, 'NOT_FOUND'],
      [CREATE_DEPARTMENT, { input: { facilityId: people.seed.facilityId, name: 'Dentistry' } }, 'CONFLICT'],
      [CREATE_DEPARTMENT, { input: { facilityId: '00000000-0000-4000-8000-000000000000', name: 'Ghosts' } }, 'BAD_USER_INPUT'],
      [CREATE_DEPARTMENT, { input: { facilityId: people.seed.facilityId, name: '' } }, 'BAD_USER_INPUT'],
    ];
    for (const [query, variables, code] of cases) {
      const { result, changed } = await track(() => admin.request(query, variables));
      expect(codeOf(result), JSON.stringify(variables)).toBe(code);
      expect(changed).toEqual([]);
    }
  });

  it('names the field a duplicate concerns, so the form marks the code or the department name', async () => {
    const duplicates: [string, Record<string, unknown>, string][] = [
      [CREATE_FACILITY, { input: { code: 'RIV', name: 'Riverside again', timezone: 'Europe/Berlin' } }, 'code'],
      [CREATE_DEPARTMENT, { input: { facilityId: people.seed.facilityId, name: 'Dentistry' } }, 'name'],
    ];
    for (const [query, variables, path] of duplicates) {
      const result = await admin.request(query, variables);
      expect(codeOf(result)).toBe('CONFLICT');
      expect(result.errors?.[0]?.extensions?.issues).toEqual([{ path, message: expect.stringMatching(/^is already /) }]);
    }
  });

  it('is admin-only', async () => {
    for (const client of [doctor, maria]) {
      const { result, changed } = await track(() => client.request(CREATE_FACILITY, { input: { code: 'NOPE', name: 'Nope', timezone: 'UTC' } }));
      expect(codeOf(result)).toBe('FORBIDDEN');
      expect(changed).toEqual([]);
      expect(codeOf(await client.request(CREATE_DEPARTMENT, { input: { facilityId: people.seed.facilityId, name: 'Nope' } }))).toBe('FORBIDDEN');
    }
  });
});

describe('provider profiles', () => {
  const departmentId = async (name: string) => (await people.database.query<{ id: string }>('select id from people.department where name = $1', [name]))[0]!.id;

  it('admins create and update them: specialty, qualifications, fee in minor units, departments, facilities', async () => {
    const gp = await departmentId('General Practice');
    const { createProvider } = await admin.data<{ createProvider: any }>(CREATE_PROVIDER, {
      input: {
        givenName: 'Ines',
        familyName: 'Moreau',
        title: 'Dr.',
        specialty: 'General Practice',
        qualifications: ['MD', 'MD', 'DTM&H'],
        licenseNumber: 'GMC-778899',
        consultationFeeMinor: 4500,
        currency: 'eur',
        departmentIds: [gp],
        facilityIds: [people.seed.facilityId],
      },
    });
    expect(createProvider).toMatchObject({
      displayName: 'Dr. Ines Moreau',
      qualifications: ['MD', 'DTM&H'],
      consultationFeeMinor: 4500,
      currency: 'EUR',
      licenseNumber: 'GMC-778899',
      departments: [{ name: 'General Practice' }],
      facilities: [{ code: 'RIV' }],
    });
    const dental = await departmentId('Dentistry');
    const { updateProvider } = await admin.data<{ updateProvider: any }>(UPDATE_PROVIDER, {
      id: createProvider.id,
      input: { consultationFeeMinor: 5200, departmentIds: [gp, dental] },
    });
    expect(updateProvider).toMatchObject({ consultationFeeMinor: 5200, currency: 'EUR' });
    expect(updateProvider.departments.map((d: any) => d.name)).toEqual(['Dentistry', 'General Practice']);

    // Patients see the profile (to choose whom to book), but not the licence number.
    const seen = await maria.request('query($id: ID!) { provider(id: $id) { displayName consultationFeeMinor licenseNumber } }', { id: createProvider.id });
    expect(seen.data).toEqual({ provider: { displayName: 'Dr. Ines Moreau', consultationFeeMinor: 5200, licenseNumber: null } });
    expect(codeOf(seen)).toBe('FORBIDDEN');
  });

  it('refuses bad input and non-admins, writing nothing', async () => {
    const [hill] = await people.database.query<{ id: string }>("select id from people.facility where code = 'HILL'");
    const base = { givenName: 'Kai', familyName: 'Berg', specialty: 'Dermatology', consultationFeeMinor: 3000, currency: 'USD' };
    const bad = [
      { ...base, consultationFeeMinor: -1 },
      { ...base, currency: 'XYZ1' },
      { ...base, currency: 'ZZZ' },
      { ...base, specialty: '' },
      { ...base, facilityIds: ['00000000-0000-4000-8000-000000000000'] },
      // A department of Riverside, for a provider who works only at Hillside.
      { ...base, facilityIds: hill ? [hill.id] : [], departmentIds: [await departmentId('Pharmacy')] },
    ];
    for (const input of bad) {
      const { result, changed } = await track(() => admin.request(CREATE_PROVIDER, { input }));
      expect(codeOf(result), JSON.stringify(input)).toBe('BAD_USER_INPUT');
      expect(changed).toEqual([]);
    }
    // A fee with cents as a float is refused by GraphQL's Int before any resolver runs.
    expect(codeOf(await admin.request(CREATE_PROVIDER, { input: { ...base, consultationFeeMinor: 30.5 } }))).toBe('BAD_USER_INPUT');
    for (const client of [doctor, maria]) {
      const { result, changed } = await track(() => client.request(CREATE_PROVIDER, { input: base }));
      expect(codeOf(result)).toBe('FORBIDDEN');
      expect(changed).toEqual([]);
    }
  });
});
