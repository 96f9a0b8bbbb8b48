import type { GqlClient } from '@clinigraph/kit/testing';
import { codeOf } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PATIENTS } from '../seed.ts';
import { type PeopleTestSubgraph, startPeopleSubgraph, tracked } from '../testing.ts';

let people: PeopleTestSubgraph;
let reception: GqlClient;
beforeAll(async () => {
  people = await startPeopleSubgraph();
  reception = await people.as('receptionist');
});
afterAll(() => people?.close());

const track = <T>(run: () => Promise<T>) => tracked(people.database, run);
const CREATE = 'mutation($input: CreatePatientInput!) { createPatient(input: $input) { id mrn } }';
const UPDATE = 'mutation($id: ID!, $input: UpdatePatientInput!) { updatePatient(id: $id, input: $input) { id } }';
const REGISTER = 'mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { accessToken } }';

const walkIn = { givenName: 'Lena', familyName: 'Okafor', dateOfBirth: '1958-06-01', sex: 'FEMALE', phone: '+44 20 7946 0011' };
const maria = DEMO_PATIENTS[0];

describe('dates of birth', () => {
  const dobIssue = (result: { errors: { extensions?: Record<string, any> }[] }) => result.errors[0]?.extensions?.issues;

  it('refuses a date of birth more than 130 years ago or in the future, naming the field, and writes nothing', async () => {
    for (const dateOfBirth of ['1800-01-01', '2999-01-01']) {
      const { result, changed } = await track(() => reception.request(CREATE, { input: { ...walkIn, dateOfBirth } }));
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(dobIssue(result)).toEqual([{ path: 'dateOfBirth', message: expect.stringMatching(/130 years|future/) }]);
      expect(changed).toEqual([]);
    }
  });

  it('applies the same bounds when the date of birth is changed or a patient signs up', async () => {
    const update = await reception.request(UPDATE, { id: people.patients.james, input: { dateOfBirth: '1800-01-01' } });
    expect(dobIssue(update)).toEqual([{ path: 'dateOfBirth', message: expect.stringContaining('130 years') }]);
    const signUp = await people
      .client()
      .request(REGISTER, { input: { ...walkIn, dateOfBirth: '1800-01-01', email: 'lena.old@example.com', password: 'correct horse battery' } });
    expect(dobIssue(signUp)).toEqual([{ path: 'dateOfBirth', message: expect.stringContaining('130 years') }]);
  });
});

describe('a patient registered twice', () => {
  const candidatesOf = (result: { errors: { extensions?: Record<string, any> }[] }) => result.errors[0]?.extensions?.candidates;

  it('is not created silently: DUPLICATE_SUSPECTED lists the existing patient, matched on name regardless of case, accents and spaces', async () => {
    const twin = {
      givenName: ` ${maria.givenName.toUpperCase()} `,
      familyName: 'García',
      dateOfBirth: maria.dateOfBirth,
      sex: 'FEMALE',
      phone: '+1 (555) 0101',
    };
    const { result, changed } = await track(() => reception.request(CREATE, { input: twin }));
    expect(codeOf(result)).toBe('DUPLICATE_SUSPECTED');
    expect(candidatesOf(result)).toEqual([
      { id: people.patients.maria, mrn: expect.stringMatching(/^CG\d{8}$/), displayName: 'Maria Garcia', dateOfBirth: maria.dateOfBirth, phone: maria.phone },
    ]);
    // Nothing registered: the only row written is the audit of the candidate shown.
    expect(changed).toEqual(['audit.event']);
    const [read] = await people.database.query<{ n: number }>(
      "select count(*)::int as n from audit.event where action = 'read' and entity_type = 'Patient' and patient_id = $1 and detail->>'via' = 'duplicate-check'",
      [people.patients.maria],
    );
    expect(read!.n).toBe(1);
  });

  it('is created when the desk confirms they are different people', async () => {
    const input = { ...walkIn, givenName: maria.givenName, familyName: maria.familyName, dateOfBirth: maria.dateOfBirth, phone: maria.phone };
    const { createPatient } = await reception.data<{ createPatient: { id: string } }>(CREATE, { input: { ...input, confirmNotDuplicate: true } });
    expect(createPatient.id).not.toBe(people.patients.maria);
  });

  it('does not warn when the phone or the date of birth differ', async () => {
    for (const input of [
      { ...walkIn, givenName: 'James', familyName: 'Chen', dateOfBirth: '1972-11-02', phone: '+1 555 0999' },
      { ...walkIn, givenName: 'James', familyName: 'Chen', dateOfBirth: '1972-11-03', phone: '+1 555 0102' },
    ]) {
      expect(codeOf(await reception.request(CREATE, { input }))).toBeNull();
    }
  });
});
