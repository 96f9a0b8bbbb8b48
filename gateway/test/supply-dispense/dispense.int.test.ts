import { randomUUID } from 'node:crypto';
import { codeOf, type GqlClient, type GqlResult } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { medicineId, type Prescribed, pharmacyLocation, prescribe } from '../../src/testing/clinic.ts';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';

/**
 * Dispensing takes its facts from care, not from the client: supply reads the prescription through
 * care's `_entities` as the pharmacist, takes the patient and the visit from it, and refuses what the
 * prescription does not allow, writing nothing.
 */
let stack: TestStack;
let doctor: GqlClient;
let pharmacist: GqlClient;
let billing: GqlClient;
let pharmacy: string;
let paracetamol: string;
let ibuprofen: string;
let james: string;
let aisha: string;
beforeAll(async () => {
  stack = await startTestStack();
  [doctor, pharmacist, billing] = await Promise.all([stack.as('doctor'), stack.as('pharmacist'), stack.as('billing')]);
  pharmacy = await pharmacyLocation(stack, pharmacist);
  paracetamol = await medicineId(doctor, 'paracetamol');
  ibuprofen = await medicineId(doctor, 'ibuprofen');
  james = stack.seed.patientIds[1]!;
  aisha = stack.seed.patientIds[2]!;
});
afterAll(() => stack?.stop());

const DISPENSE =
  'mutation($i: DispensePrescriptionInput!) { dispensePrescription(input: $i) { operationId patient { id } lines { prescriptionItemId quantity } } }';
const CHARGES = 'query($p: ID!) { charges(patientId: $p) { nodes { source sourceId encounterId quantity patient { id } } } }';

interface Line {
  itemId: string;
  quantity: number;
  prescriptionItemId?: string;
}

const dispense = (prescriptionId: string, lines: Line[], client = pharmacist): Promise<GqlResult> =>
  client.request(DISPENSE, { i: { prescriptionId, locationId: pharmacy, lines } });

async function dispensed(prescriptionId: string, lines: Line[]): Promise<{ operationId: string; patient: { id: string } | null }> {
  const result = await dispense(prescriptionId, lines);
  expect(result.errors).toEqual([]);
  return (result.data as { dispensePrescription: { operationId: string; patient: { id: string } | null } }).dispensePrescription;
}

/** What any refused dispense must leave exactly as it was. */
async function written(): Promise<Record<string, number>> {
  const [row] = await stack.db.database.query<Record<string, string>>(`select
    (select count(*) from supply.stock_movement) as movements,
    (select coalesce(sum(quantity), 0) from supply.stock_balance) as units,
    (select count(*) from events.log where topic in ('stock.dispensed', 'stock.changed')) as events,
    (select count(*) from audit.event where entity_type = 'Dispense') as audits`);
  return Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, Number(v)]));
}

/** Runs a dispense that must be refused, and checks it wrote nothing; its error. */
async function refused(prescriptionId: string, lines: Line[]): Promise<GqlResult['errors'][number]> {
  const before = await written();
  const result = await dispense(prescriptionId, lines);
  expect(result.data).toBeNull();
  expect(await written()).toEqual(before);
  return result.errors[0]!;
}

describe('the patient and the visit come from care', () => {
  it('bills the prescription’s patient for what was dispensed, on the prescription’s visit', async () => {
    const rx = await prescribe(stack, doctor, aisha, [{ itemId: paracetamol, quantity: 12 }]);
    const done = await dispensed(rx.id, [{ itemId: paracetamol, quantity: 12 }]);
    expect(done.patient).toEqual({ id: aisha });
    await stack.consumers.drain();

    const charges = async (patientId: string) =>
      (
        await billing.data<{
          charges: { nodes: { source: string; sourceId: string; encounterId: string | null; quantity: number; patient: { id: string } }[] };
        }>(CHARGES, { p: patientId })
      ).charges.nodes.filter((c) => c.sourceId === done.operationId);
    expect(await charges(aisha)).toEqual([
      { source: 'DISPENSE', sourceId: done.operationId, encounterId: rx.encounterId, quantity: 12, patient: { id: aisha } },
    ]);
    expect(await charges(james)).toEqual([]);

    const movements = await stack.db.database.query(
      'select kind, reference_type, reference_id, patient_id from supply.stock_movement where operation_id = $1',
      [done.operationId],
    );
    expect(movements).toEqual([{ kind: 'dispense', reference_type: 'prescription', reference_id: rx.id, patient_id: aisha }]);
    const [event] = await stack.db.database.query<{ patient_id: string; payload: Record<string, unknown> }>(
      "select patient_id, payload from events.log where topic = 'stock.dispensed' and entity_id = $1",
      [done.operationId],
    );
    expect(event).toMatchObject({
      patient_id: aisha,
      payload: { prescriptionId: rx.id, encounterId: rx.encounterId, lines: [{ itemId: paracetamol, prescriptionItemId: rx.lineIds[0], quantity: 12 }] },
    });
    // Supply wrote the dispense; care audited supply's read of the prescription, as the same pharmacist in the same request.
    const [dispenseAudit] = await stack.db.database.query<{ actor_id: string; request_id: string }>(
      "select actor_id, request_id from audit.event where entity_type = 'Dispense' and entity_id = $1 and patient_id = $2",
      [done.operationId, aisha],
    );
    const reads = await stack.db.database.query(
      "select service, actor_id, patient_id from audit.event where entity_type = 'Prescription' and entity_id = $1 and action = 'read' and request_id = $2",
      [rx.id, dispenseAudit!.request_id],
    );
    expect(reads).toEqual([{ service: 'care', actor_id: dispenseAudit!.actor_id, patient_id: aisha }]);
  });

  it('takes no patient or visit from the client: naming another patient is refused, not billed to them', async () => {
    const rx = await prescribe(stack, doctor, aisha, [{ itemId: paracetamol, quantity: 4 }]);
    const before = await written();
    const result = await pharmacist.request(DISPENSE, {
      i: { prescriptionId: rx.id, patientId: james, encounterId: randomUUID(), locationId: pharmacy, lines: [{ itemId: paracetamol, quantity: 4 }] },
    });
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(await written()).toEqual(before);
  });
});

describe('what the prescription does not allow is refused, and nothing is written', () => {
  it('a draft, a cancelled and an expired prescription: INVALID_STATE', async () => {
    const draft = await prescribe(stack, doctor, james, [{ itemId: paracetamol, quantity: 10 }], { finalise: false });
    expect((await refused(draft.id, [{ itemId: paracetamol, quantity: 1 }])).extensions).toMatchObject({ code: 'INVALID_STATE', status: 'DRAFT' });

    const cancelled = await prescribe(stack, doctor, james, [{ itemId: paracetamol, quantity: 10 }]);
    await doctor.data('mutation($id: ID!) { cancelPrescription(id: $id, reason: "Changed the plan") { status } }', { id: cancelled.id });
    expect((await refused(cancelled.id, [{ itemId: paracetamol, quantity: 1 }])).extensions).toMatchObject({ code: 'INVALID_STATE', status: 'CANCELLED' });

    const expired = await prescribe(stack, doctor, james, [{ itemId: paracetamol, quantity: 10 }]);
    // Time passing: the prescription was valid until yesterday.
    await stack.db.database.query('update care.prescription set valid_until = current_date - 1 where id = $1', [expired.id]);
    const error = await refused(expired.id, [{ itemId: paracetamol, quantity: 1 }]);
    expect(error.extensions).toMatchObject({ code: 'INVALID_STATE', rule: 'PRESCRIPTION_EXPIRED' });
    expect(error.message).toMatch(/expired/);
  });

  it('a prescription that does not exist: NOT_FOUND', async () => {
    expect((await refused(randomUUID(), [{ itemId: paracetamol, quantity: 1 }])).extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('an item that is not on the prescription, or another prescription’s line: BAD_USER_INPUT naming the line', async () => {
    const rx = await prescribe(stack, doctor, james, [{ itemId: paracetamol, quantity: 10 }]);
    const other = await prescribe(stack, doctor, aisha, [{ itemId: paracetamol, quantity: 10 }]);

    const notOnIt = await refused(rx.id, [
      { itemId: paracetamol, quantity: 1 },
      { itemId: ibuprofen, quantity: 1 },
    ]);
    expect(notOnIt.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: 'lines.1.itemId' }] });
    expect(notOnIt.message).toMatch(/line 2/i);

    const foreignLine = await refused(rx.id, [{ itemId: paracetamol, quantity: 1, prescriptionItemId: other.lineIds[0]! }]);
    expect(foreignLine.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: 'lines.0.prescriptionItemId' }] });
    expect(foreignLine.message).toMatch(/line 1/i);

    const wrongMedicine = await refused(rx.id, [{ itemId: ibuprofen, quantity: 1, prescriptionItemId: rx.lineIds[0]! }]);
    expect(wrongMedicine.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: 'lines.0.itemId' }] });
  });

  it('more than prescribed, counting what was dispensed before (even before care has caught up)', async () => {
    const rx: Prescribed = await prescribe(stack, doctor, james, [{ itemId: paracetamol, quantity: 10 }]);
    await dispensed(rx.id, [{ itemId: paracetamol, quantity: 6 }]);
    // care has not consumed stock.dispensed yet: supply's own ledger still counts the 6.
    const tooMany = await refused(rx.id, [{ itemId: paracetamol, quantity: 5, prescriptionItemId: rx.lineIds[0]! }]);
    expect(tooMany.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'MORE_THAN_PRESCRIBED', remaining: 4 });
    expect(tooMany.message).toMatch(/4 of 10 left/);
    await stack.consumers.drain();
    // Two lines of the same medicine add up.
    expect(
      (
        await refused(rx.id, [
          { itemId: paracetamol, quantity: 2 },
          { itemId: paracetamol, quantity: 3 },
        ])
      ).extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'MORE_THAN_PRESCRIBED' });

    await dispensed(rx.id, [{ itemId: paracetamol, quantity: 4 }]);
    await stack.consumers.drain();
    expect((await refused(rx.id, [{ itemId: paracetamol, quantity: 1 }])).extensions).toMatchObject({ code: 'INVALID_STATE', status: 'DISPENSED' });
  });

  it('concurrent dispenses of one prescription never give more than prescribed', async () => {
    const rx = await prescribe(stack, doctor, james, [{ itemId: ibuprofen, quantity: 5 }]);
    const results = await Promise.all(Array.from({ length: 12 }, () => dispense(rx.id, [{ itemId: ibuprofen, quantity: 1 }])));
    expect(results.filter((r) => r.errors.length === 0)).toHaveLength(5);
    // More than is left (BAD_USER_INPUT), or, once care has caught up, a prescription dispensed in full (INVALID_STATE).
    for (const r of results.filter((x) => x.errors.length > 0)) expect(['BAD_USER_INPUT', 'INVALID_STATE']).toContain(codeOf(r));
    const [ledger] = await stack.db.database.query<{ given: string }>(
      "select -sum(quantity) as given from supply.stock_movement where reference_type = 'prescription' and reference_id = $1",
      [rx.id],
    );
    expect(Number(ledger!.given)).toBe(5);
  });
});

describe('when care does not answer', () => {
  it('fails closed: SERVICE_UNAVAILABLE naming care, nothing dispensed', async () => {
    const rx = await prescribe(stack, doctor, james, [{ itemId: paracetamol, quantity: 3 }]);
    // Supply finds care where CLINIGRAPH_CARE_URL says: a port nothing listens on is care being down.
    process.env.CLINIGRAPH_CARE_URL = 'http://127.0.0.1:9/graphql';
    try {
      const error = await refused(rx.id, [{ itemId: paracetamol, quantity: 3 }]);
      expect(error.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', service: 'care', serviceName: 'supply' });
      expect(JSON.stringify(error)).not.toMatch(/127\.0\.0\.1|ECONN|fetch failed/i);
    } finally {
      delete process.env.CLINIGRAPH_CARE_URL;
    }
    await dispensed(rx.id, [{ itemId: paracetamol, quantity: 3 }]);
  });
});
