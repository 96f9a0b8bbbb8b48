import type { GqlClient } from '@clinigraph/kit/testing';
import type { TestStack } from '../../src/testing/stack.ts';

/** Clinical steps through the gateway that the live tests start from. */
export function clinic(stack: TestStack, doctor: GqlClient) {
  const consultation = async (patientId: string): Promise<string> => {
    const { openWalkInEncounter } = await doctor.data<{ openWalkInEncounter: { id: string } }>(
      'mutation($p: ID!, $f: ID!) { openWalkInEncounter(patientId: $p, facilityId: $f) { id } }',
      { p: patientId, f: stack.seed.facilityId },
    );
    await doctor.data('mutation($id: ID!) { startConsultation(id: $id) { id } }', { id: openWalkInEncounter.id });
    return openWalkInEncounter.id;
  };
  return {
    consultation,
    /** A lab order for the patient by this doctor: its id and the id of each test line. */
    orderLab: async (patientId: string, tests: string[]) => {
      const { orderLabTests } = await doctor.data<{ orderLabTests: { id: string; items: { id: string }[] } }>(
        'mutation($e: ID!, $t: [String!]!) { orderLabTests(encounterId: $e, tests: $t, priority: STAT) { id items { id } } }',
        { e: await consultation(patientId), t: tests },
      );
      return { id: orderLabTests.id, itemIds: orderLabTests.items.map((i) => i.id) };
    },
    /** A finalised prescription of one medicine (by generic name) for the patient. */
    prescribe: async (patientId: string, generic: string) => {
      const { items } = await doctor.data<{ items: { id: string; genericName: string | null }[] }>('{ items(kind: MEDICINE) { id genericName } }');
      const { createPrescription } = await doctor.data<{ createPrescription: { id: string } }>(
        'mutation($e: ID!, $i: [PrescriptionItemInput!]) { createPrescription(encounterId: $e, items: $i) { id } }',
        {
          e: await consultation(patientId),
          i: [
            { itemId: items.find((i) => i.genericName === generic)!.id, dose: '1 g', route: 'ORAL', frequency: 'every 6 hours', durationDays: 3, quantity: 12 },
          ],
        },
      );
      await doctor.data('mutation($id: ID!) { finalisePrescription(id: $id) { id } }', { id: createPrescription.id });
      return createPrescription.id;
    },
  };
}

/** The id of the newest event in the log: subscribe with it as `after` to get everything that follows. */
export const cursorNow = async (stack: TestStack) =>
  String((await stack.db.database.query<{ id: string }>('select coalesce(max(id), 0)::text as id from events.log'))[0]!.id);
