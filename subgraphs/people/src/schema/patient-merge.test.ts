import { verifyAccessToken } from '@clinigraph/kit';
import { codeOf, type GqlClient } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PATIENTS } from '../seed.ts';
import { codesOf, type PeopleTestSubgraph, startPeopleSubgraph, tracked } from '../testing.ts';

let people: PeopleTestSubgraph;
let admin: GqlClient;
let reception: GqlClient;
beforeAll(async () => {
  people = await startPeopleSubgraph();
  admin = await people.as('admin');
  reception = await people.as('receptionist');
});
afterAll(() => people?.close());

const MERGE = `mutation Merge($keepId: ID!, $mergeId: ID!, $reason: String!) {
  mergePatients(keepId: $keepId, mergeId: $mergeId, reason: $reason) {
    survivor { id phone address allergies { substance } chronicConditions }
    merged { id mergedAt mergedInto { id } }
    copiedFields
    account
  }
}`;
const CREATE = 'mutation($input: CreatePatientInput!) { createPatient(input: $input) { id } }';
const ADD_ALLERGY = 'mutation($p: ID!) { addAllergy(patientId: $p, input: { substance: "Penicillin", severity: SEVERE }) { id } }';
const PATIENT = 'query($id: ID!) { patient(id: $id) { id } }';
const SEARCH = 'query($s: String) { patients(search: $s) { nodes { id } } }';

interface MergeResult {
  survivor: { id: string; phone: string | null; address: string | null; allergies: { substance: string }[]; chronicConditions: string[] };
  merged: { id: string; mergedAt: string | null; mergedInto: { id: string } | null };
  copiedFields: string[];
  account: string;
}

const track = <T>(run: () => Promise<T>) => tracked(people.database, run);
const merge = (client: GqlClient, keepId: string, mergeId: string, reason = 'Registered twice at the desk') =>
  client.request<{ mergePatients: MergeResult }>(MERGE, { keepId, mergeId, reason });

/** A second record of a demo patient, as the desk registers it on a busy day: same person, fewer details. */
async function registerAgain(who: (typeof DEMO_PATIENTS)[number], extra: Record<string, unknown> = {}): Promise<string> {
  const input = { givenName: who.givenName, familyName: who.familyName, dateOfBirth: who.dateOfBirth, sex: who.sex.toUpperCase(), ...extra };
  const { createPatient } = await reception.data<{ createPatient: { id: string } }>(CREATE, { input: { ...input, confirmNotDuplicate: true } });
  return createPatient.id;
}

describe('who may merge', () => {
  it('only an admin: every other role and a patient are refused, and nothing is written', async () => {
    const duplicate = await registerAgain(DEMO_PATIENTS[1]);
    for (const who of ['receptionist', 'doctor', 'nurse', 'billing', 'james'] as const) {
      const client = await people.as(who);
      const { result, changed } = await track(() => merge(client, people.patients.james, duplicate));
      expect(codeOf(result), who).toBe('FORBIDDEN');
      expect(changed, who).toEqual([]);
    }
  });
});

describe('refused merges', () => {
  it('a record merged into itself is BAD_USER_INPUT on mergeId, writing nothing', async () => {
    const { result, changed } = await track(() => merge(admin, people.patients.james, people.patients.james));
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors[0]?.extensions?.issues).toEqual([{ path: 'mergeId', message: 'is the record kept' }]);
    expect(changed).toEqual([]);
  });

  it('a merge without a reason is BAD_USER_INPUT on reason, writing nothing', async () => {
    const duplicate = await registerAgain(DEMO_PATIENTS[1]);
    for (const reason of ['', '   ']) {
      const { result, changed } = await track(() => merge(admin, people.patients.james, duplicate, reason));
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.errors[0]?.extensions?.issues).toEqual([{ path: 'reason', message: 'is required' }]);
      expect(changed).toEqual([]);
    }
  });

  it('an unknown or malformed id is NOT_FOUND or BAD_USER_INPUT', async () => {
    expect(codeOf(await merge(admin, people.patients.james, '00000000-0000-4000-8000-000000000000'))).toBe('NOT_FOUND');
    expect(codesOf(await merge(admin, people.patients.james, 'not-an-id'))).toEqual(['BAD_USER_INPUT']);
  });

  it('a record already merged can be neither merged again nor kept: INVALID_STATE naming the survivor', async () => {
    const first = await registerAgain(DEMO_PATIENTS[1]);
    const second = await registerAgain(DEMO_PATIENTS[1]);
    expect(codeOf(await merge(admin, people.patients.james, first))).toBeNull();
    for (const [keep, gone] of [
      [people.patients.james, first],
      [first, second],
    ] as const) {
      const { result, changed } = await track(() => merge(admin, keep, gone));
      expect(codeOf(result)).toBe('INVALID_STATE');
      expect(result.errors[0]?.extensions).toMatchObject({ patientId: first, survivorId: people.patients.james });
      expect(changed).toEqual([]);
    }
  });
});

describe('two admins merging the same pair at once', () => {
  it('one merge wins, the other is INVALID_STATE: never both records tombstones', async () => {
    const [x, y] = [await registerAgain(DEMO_PATIENTS[1]), await registerAgain(DEMO_PATIENTS[1])];
    const other = await people.as('admin');
    const results = await Promise.all([merge(admin, x, y), merge(other, y, x)]);
    expect(results.map(codeOf).sort()).toEqual(['INVALID_STATE', null].sort());
    const [row] = await people.database.query<{ n: number }>(
      'select count(*)::int as n from people.patient where id in ($1, $2) and merged_into_id is not null',
      [x, y],
    );
    expect(row!.n).toBe(1);
  });
});

describe('a merge', () => {
  it('keeps the survivor, fills only its empty details, moves the lists and leaves a tombstone out of searches and the duplicate check', async () => {
    const aisha = DEMO_PATIENTS[2];
    const duplicate = await registerAgain(aisha, { phone: '+1 555 0999', address: '12 Harbour Road' });
    await (await people.as('doctor')).data(ADD_ALLERGY, { p: duplicate });
    const { data } = await merge(admin, people.patients.aisha, duplicate);
    expect(data!.mergePatients).toEqual({
      // Aisha's own phone stays; the address she lacked comes from the duplicate; the allergy moves.
      survivor: { id: people.patients.aisha, phone: aisha.phone, address: '12 Harbour Road', allergies: [{ substance: 'Penicillin' }], chronicConditions: [] },
      merged: { id: duplicate, mergedAt: expect.any(String), mergedInto: { id: people.patients.aisha } },
      copiedFields: ['address'],
      account: 'NONE',
    });
    const read = await reception.request(PATIENT, { id: duplicate });
    expect(codeOf(read)).toBe('PATIENT_MERGED');
    expect(read.errors[0]?.extensions?.survivorId).toBe(people.patients.aisha);
    const found = await reception.data<{ patients: { nodes: { id: string }[] } }>(SEARCH, { s: 'Aisha Khan' });
    expect(found.patients.nodes.map((n) => n.id)).toEqual([people.patients.aisha]);
    // Registering her again without a phone would match both records: it warns about the survivor only.
    const again = await reception.request(CREATE, {
      input: { givenName: aisha.givenName, familyName: aisha.familyName, dateOfBirth: aisha.dateOfBirth, sex: 'FEMALE' },
    });
    expect(codeOf(again)).toBe('DUPLICATE_SUSPECTED');
    expect(again.errors[0]?.extensions?.candidates).toEqual([expect.objectContaining({ id: people.patients.aisha })]);
  });

  it('is audited on both records with the reason, and announces patient.merged in the same transaction', async () => {
    const duplicate = await registerAgain(DEMO_PATIENTS[1]);
    const { result, changed } = await track(() => merge(admin, people.patients.james, duplicate, 'Same passport number'));
    expect(codeOf(result)).toBeNull();
    expect(changed).toEqual(['audit.event', 'events.log', 'people.patient']);
    const audit = await people.database.query<{ patient_id: string; reason: string }>(
      "select patient_id, detail->>'reason' as reason from audit.event where action = 'update' and entity_type = 'PatientMerge' and entity_id = $1 order by patient_id",
      [duplicate],
    );
    expect(audit).toEqual([people.patients.james, duplicate].sort().map((patient_id) => ({ patient_id, reason: 'Same passport number' })));
    const events = await people.database.query<{ entity_id: string; patient_id: string; payload: unknown }>(
      "select entity_id, patient_id, payload from events.log where topic = 'patient.merged' and entity_id = $1",
      [duplicate],
    );
    expect(events).toEqual([{ entity_id: duplicate, patient_id: people.patients.james, payload: { survivorId: people.patients.james, mergedId: duplicate } }]);
  });
});

describe("the merged record's patient account", () => {
  it('moves to the survivor when the survivor has none: the next session carries the survivor', async () => {
    const maria = DEMO_PATIENTS[0];
    const walkIn = await registerAgain(maria);
    const { data } = await merge(admin, walkIn, people.patients.maria);
    expect(data!.mergePatients.account).toBe('RELINKED');
    const session = await people.login('maria');
    expect((await verifyAccessToken(session.accessToken)).patientId).toBe(walkIn);
  });

  it('is deactivated when the survivor has its own: it can no longer sign in', async () => {
    const { data } = await merge(admin, people.patients.james, people.patients.aisha);
    expect(data!.mergePatients.account).toBe('DEACTIVATED');
    await expect(people.login('aisha')).rejects.toThrow(/UNAUTHENTICATED|not|invalid/i);
  });
});
