import { codeOf } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CareFixture, startCareFixture } from '../testing/fixture.ts';

let f: CareFixture;
let encounterId: string;
beforeAll(async () => {
  f = await startCareFixture();
  encounterId = await f.consultation(1);
});
afterAll(() => f?.close());

const ORDER = 'mutation($e: ID!, $b: String!) { orderImaging(encounterId: $e, modality: XRAY, bodyPart: $b) { id status } }';
const REPORT = 'mutation($id: ID!) { reportImaging(orderId: $id, findings: "Clear lung fields.", impression: "Normal chest.") { status } }';
const WORKLIST = 'query($s: [RadiologyStatus!]) { radiologyWorklist(statuses: $s) { id status bodyPart patient { id } } }';

const order = async (bodyPart: string) => (await f.doctor.data<{ orderImaging: { id: string } }>(ORDER, { e: encounterId, b: bodyPart })).orderImaging.id;
const worklist = async (s?: string[]) => (await f.doctor2.data<{ radiologyWorklist: { id: string; status: string }[] }>(WORKLIST, { s })).radiologyWorklist;

describe('radiology worklist', () => {
  it('lists studies to report and to verify, oldest first, and drops verified and cancelled ones', async () => {
    const [toReport, toVerify, verified, cancelled] = [await order('Chest PA'), await order('Left wrist'), await order('Right knee'), await order('Skull')];
    await f.doctor2.data(REPORT, { id: toVerify });
    await f.doctor2.data(REPORT, { id: verified });
    await f.doctor.data('mutation($id: ID!) { verifyImagingReport(id: $id) { status } }', { id: verified });
    await f.doctor.data('mutation($id: ID!) { cancelImaging(id: $id) { status } }', { id: cancelled });
    expect(await worklist()).toEqual([
      { id: toReport, status: 'ORDERED', bodyPart: 'Chest PA', patient: { id: f.seed.patientIds[1] } },
      { id: toVerify, status: 'REPORTED', bodyPart: 'Left wrist', patient: { id: f.seed.patientIds[1] } },
    ]);
    expect((await worklist(['VERIFIED'])).map((o) => o.id)).toEqual([verified]);
    expect(codeOf(await f.doctor.request('mutation($id: ID!) { cancelImaging(id: $id) { status } }', { id: toVerify }))).toBe('INVALID_STATE');
  });

  it('is for doctors only', async () => {
    for (const who of [f.nurse, f.lab, f.receptionist, await f.patient(1)]) expect(codeOf(await who.request(WORKLIST, {}))).toBe('FORBIDDEN');
  });
});
