import type { GqlClient } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';
import { chargesOf, consultAndClose, countRows, openWalkIn, replay, type Staff, signIn } from './fixtures.ts';

/** A closed walk-in encounter is a consultation finance charges once, priced by the price list like an appointment. */
let stack: TestStack;
let staff: Staff;
let weber: GqlClient;
beforeAll(async () => {
  stack = await startTestStack();
  staff = await signIn(stack);
  weber = await stack.as({ email: 'dr.weber@clinigraph.local' });
});
afterAll(() => stack?.stop());

const chargesFor = async (patientId: string, encounterId: string) => (await chargesOf(staff.billing, patientId)).filter((c) => c.encounterId === encounterId);

describe('a walk-in visit is charged', () => {
  it('charges nothing while the walk-in is open, and one consultation at the doctor’s price once it closes, even when replayed', async () => {
    const aisha = stack.seed.patientIds[2]!;
    const encounterId = await openWalkIn(stack, staff.doctor, aisha);
    await staff.doctor.data('mutation S($id: ID!) { startConsultation(id: $id) { id } }', { id: encounterId });
    await stack.consumers.drain();
    expect(await chargesFor(aisha, encounterId)).toEqual([]);

    await staff.doctor.data('mutation D($e: ID!) { addDiagnosis(encounterId: $e, code: "R05.9", kind: PRIMARY) { id } }', { e: encounterId });
    await staff.doctor.data('mutation C($id: ID!) { closeEncounter(id: $id) { status } }', { id: encounterId });
    await stack.consumers.drain();
    const charges = await chargesFor(aisha, encounterId);
    // Dr. Okafor bills under General Practice: the seeded CONSULT-GP entry.
    expect(charges).toMatchObject([
      {
        code: 'CONSULT-GP',
        description: 'General practice consultation',
        unitPriceMinor: 5000,
        currency: 'USD',
        source: 'ENCOUNTER',
        sourceId: encounterId,
        status: 'PENDING',
      },
    ]);

    await replay(stack, 'finance.');
    expect((await chargesFor(aisha, encounterId)).map((c) => c.id)).toEqual([charges[0]!.id]);
    const audited = await countRows(stack, `select count(*) as n from audit.event where entity_type = 'Charge' and entity_id = $1 and action = 'create'`, [
      charges[0]!.id,
    ]);
    expect(audited).toBe(1);
  });

  it('prices by the doctor who saw the patient: a walk-in with the dentist is a dental check-up', async () => {
    const james = stack.seed.patientIds[1]!;
    const encounterId = await openWalkIn(stack, weber, james);
    await consultAndClose(stack, weber, encounterId);
    expect(await chargesFor(james, encounterId)).toMatchObject([{ code: 'CONSULT-DENTAL', unitPriceMinor: 6500, source: 'ENCOUNTER' }]);
  });

  it('charges each of many walk-ins closed at once exactly once', async () => {
    const patients = [...stack.seed.patientIds, ...stack.seed.patientIds];
    const encounters = await Promise.all(patients.map((p) => openWalkIn(stack, staff.doctor, p)));
    await Promise.all(encounters.map((e) => consultAndClose(stack, staff.doctor, e)));
    await replay(stack, 'finance.');
    const charged = await countRows(stack, `select count(*) as n from finance.charge where source_type = 'encounter' and source_id = any($1::text[])`, [
      encounters,
    ]);
    expect(charged).toBe(encounters.length);
  });
});
