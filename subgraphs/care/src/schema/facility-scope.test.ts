import { randomUUID } from 'node:crypto';
import { codeOf, type GqlClient, gqlClient, tokenFor } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CareFixture, startCareFixture } from '../testing/fixture.ts';

/**
 * Facility scoping in care, seen from a doctor of another facility: the demo facility's chart of Maria
 * is NOT_FOUND or absent for them, until they open Maria's chart by break-the-glass (the token's `btg`
 * claim), which lets them read her chart everywhere, and only hers, and never change it.
 */
let f: CareFixture;
let elsewhere: GqlClient;
let emergency: GqlClient;
let encounterId: string;
let noteId: string;
let jamesEncounter: string;
let maria: string;

const READ = 'query($id: ID!) { encounter(id: $id) { id notes { id } diagnoses { code } } }';
const CHART = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Patient { encounters { id } diagnosisHistory { code } } } }';

beforeAll(async () => {
  f = await startCareFixture();
  maria = f.seed.patientIds[0]!;
  encounterId = await f.consultation(0);
  jamesEncounter = await f.consultation(1);
  const note = await f.doctor.data<{ createNote: { id: string } }>(
    'mutation($e: ID!) { createNote(encounterId: $e, template: PROGRESS, sections: [{ key: "body", text: "Seen in the demo clinic" }]) { id } }',
    { e: encounterId },
  );
  noteId = note.createNote.id;
  await f.doctor.data('mutation($e: ID!) { addDiagnosis(encounterId: $e, code: "R05.9") { id } }', { e: encounterId });
  const otherFacility = [randomUUID()];
  const doctorElsewhere = { userId: randomUUID(), roles: ['doctor' as const], providerId: f.seed.providerIds[1]!, facilityIds: otherFacility };
  elsewhere = gqlClient(f.care.url, await tokenFor(doctorElsewhere));
  emergency = gqlClient(f.care.url, await tokenFor({ ...doctorElsewhere, emergencyPatientIds: [maria] }));
}, 60_000);
afterAll(() => f?.close());

describe('a doctor of another facility', () => {
  it("finds nothing of the demo facility's chart: NOT_FOUND by id, empty on the patient", async () => {
    expect(codeOf(await elsewhere.request(READ, { id: encounterId }))).toBe('NOT_FOUND');
    expect(codeOf(await elsewhere.request('query($id: ID!) { note(id: $id) { id } }', { id: noteId }))).toBe('NOT_FOUND');
    const { _entities } = await elsewhere.data<{ _entities: unknown[] }>(CHART, { r: [{ __typename: 'Patient', id: maria }] });
    expect(_entities).toEqual([{ encounters: [], diagnosisHistory: [] }]);
  });

  it("reads Maria's chart once they opened it by break-the-glass, and no other patient's", async () => {
    const { encounter } = await emergency.data<{ encounter: { id: string; notes: { id: string }[]; diagnoses: { code: string }[] } }>(READ, {
      id: encounterId,
    });
    expect(encounter).toEqual({ id: encounterId, notes: [{ id: noteId }], diagnoses: [{ code: 'R05.9' }] });
    const { _entities } = await emergency.data<{ _entities: { encounters: { id: string }[] }[] }>(CHART, { r: [{ __typename: 'Patient', id: maria }] });
    expect(_entities[0]!.encounters.map((e) => e.id)).toContain(encounterId);
    expect(codeOf(await emergency.request(READ, { id: jamesEncounter }))).toBe('NOT_FOUND');
  });

  it('cannot change the chart it opened by break-the-glass: writes stay with the facility (NOT_FOUND)', async () => {
    const write = await emergency.request(
      'mutation($e: ID!) { createNote(encounterId: $e, template: PROGRESS, sections: [{ key: "body", text: "x" }]) { id } }',
      { e: encounterId },
    );
    expect(codeOf(write)).toBe('NOT_FOUND');
    expect(await f.count('care.note', 'encounter_id = $1', [encounterId])).toBe(1);
  });

  it('cannot open an encounter at a facility it does not belong to (NOT_FOUND for the facility)', async () => {
    const open = await elsewhere.request('mutation($p: ID!, $f: ID!) { openWalkInEncounter(patientId: $p, facilityId: $f) { id } }', {
      p: maria,
      f: f.seed.facilityId,
    });
    expect(codeOf(open)).toBe('NOT_FOUND');
    expect(open.errors?.[0]?.message).toMatch(/Facility/);
  });
});
