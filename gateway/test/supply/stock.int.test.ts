import { answered, codeOf, type GqlClient } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prescribe } from '../../src/testing/clinic.ts';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';

let stack: TestStack;
let pharmacist: GqlClient;
beforeAll(async () => {
  stack = await startTestStack();
  pharmacist = await stack.as('pharmacist');
});
afterAll(() => stack?.stop());

const LOCATIONS = 'query($f: ID!) { locations(facilityId: $f) { id code kind facility { name } } }';
type Location = { id: string; code: string; kind: string; facility: { name: string } };

describe('supply through the gateway, on the seeded clinic', () => {
  it('shows the four seeded locations with their facility resolved by people', async () => {
    const { locations } = await pharmacist.data<{ locations: Location[] }>(LOCATIONS, { f: stack.seed.facilityId });
    expect(locations.map((l) => l.kind).sort()).toEqual(['LAB', 'PHARMACY', 'STORE', 'WARD_CABINET']);
    expect(new Set(locations.map((l) => l.facility.name))).toEqual(new Set(['Riverside Clinic']));
  });

  it('dispenses seeded amoxicillin FEFO and resolves the stock event with federated fields, as a live payload will be', async () => {
    const { locations } = await pharmacist.data<{ locations: Location[] }>(LOCATIONS, { f: stack.seed.facilityId });
    const pharmacy = locations.find((l) => l.code === 'PHARM')!;
    const { items } = await pharmacist.data<{ items: { id: string; sku: string }[] }>('{ items(kind: MEDICINE) { id sku } }');
    const amoxicillin = items.find((i) => i.sku === 'MED-AMOX-500')!;
    const rx = await prescribe(stack, await stack.as('doctor'), stack.seed.patientIds[1]!, [{ itemId: amoxicillin.id, quantity: 130 }]);
    const { dispensePrescription } = await pharmacist.data<{
      dispensePrescription: { operationId: string; lines: { allocations: { lotNumber: string; quantity: number }[] }[] };
    }>('mutation($i: DispensePrescriptionInput!) { dispensePrescription(input: $i) { operationId lines { allocations { lotNumber quantity } } } }', {
      i: { prescriptionId: rx.id, locationId: pharmacy.id, lines: [{ itemId: amoxicillin.id, quantity: 130 }] },
    });
    expect(dispensePrescription.lines[0]!.allocations).toEqual([
      { lotNumber: 'AMX-2401', quantity: 120 },
      { lotNumber: 'AMX-2502', quantity: 10 },
    ]);

    const [changed] = await stack.db.database.query<{ id: string }>(
      `select id::text as id from events.log where topic = 'stock.changed' and payload->>'operationId' = $1`,
      [dispensePrescription.operationId],
    );
    const [dispensed] = await stack.db.database.query<{ id: string }>(
      `select id::text as id from events.log where topic = 'stock.dispensed' and entity_id = $1`,
      [dispensePrescription.operationId],
    );
    const { stockEvent } = await pharmacist.data<{ stockEvent: Record<string, any> }>(
      'query($id: ID!) { stockEvent(id: $id) { topic quantity delta item { sku } location { code facility { name } } facility { name timezone } } }',
      { id: changed!.id },
    );
    expect(stockEvent).toEqual({
      topic: 'stock.changed',
      quantity: 290,
      delta: -130,
      item: { sku: 'MED-AMOX-500' },
      location: { code: 'PHARM', facility: { name: 'Riverside Clinic' } },
      facility: { name: 'Riverside Clinic', timezone: 'America/New_York' },
    });
    const patientEvent = await pharmacist.data<{ stockEvent: { patient: { displayName: string } } }>(
      'query($id: ID!) { stockEvent(id: $id) { patient { displayName } } }',
      {
        id: dispensed!.id,
      },
    );
    expect(patientEvent.stockEvent.patient.displayName).toBe('James Chen');
  });

  it('gives a patient nothing of supply', async () => {
    const maria = await stack.as({ email: 'maria@example.com' });
    for (const query of ['{ items { id } }', '{ suppliers { id } }', '{ stockReconciliation { ok } }']) {
      const result = await maria.request(query);
      expect(codeOf(result)).toBe('FORBIDDEN');
      expect(answered(result)).toEqual([]);
    }
    const locations = await maria.request(LOCATIONS, { f: stack.seed.facilityId });
    expect(codeOf(locations)).toBe('FORBIDDEN');
    const [event] = await stack.db.database.query<{ id: string }>(`select id::text as id from events.log where topic like 'stock.%' limit 1`);
    expect(codeOf(await maria.request('query($id: ID!) { stockEvent(id: $id) { topic } }', { id: event!.id }))).toBe('FORBIDDEN');
  });

  it('suggests a purchase order per preferred supplier for what runs low, less what is already ordered', async () => {
    const { lowStock, suggestedPurchaseOrders } = await pharmacist.data<{
      lowStock: { item: { sku: string } }[];
      suggestedPurchaseOrders: { supplier: { name: string }; lines: { item: { sku: string }; suggestedQuantity: number }[] }[];
    }>(
      'query($f: ID!) { lowStock(facilityId: $f) { item { sku } } suggestedPurchaseOrders(facilityId: $f) { supplier { name } lines { item { sku } suggestedQuantity } } }',
      { f: stack.seed.facilityId },
    );
    expect(lowStock.map((l) => l.item.sku).sort()).toEqual(['MED-IBU-400', 'REA-GLU-50']);
    // Ibuprofen is low but 500 are on the open demo order, so only the strips are suggested.
    expect(suggestedPurchaseOrders).toEqual([{ supplier: { name: 'LabCo Diagnostics' }, lines: [{ item: { sku: 'REA-GLU-50' }, suggestedQuantity: 20 }] }]);
  });

  it('keeps the seeded ledger reconciled', async () => {
    const { stockReconciliation } = await pharmacist.data<{ stockReconciliation: { ok: boolean; movementCount: number } }>(
      '{ stockReconciliation { ok movementCount } }',
    );
    expect(stockReconciliation.ok).toBe(true);
    expect(stockReconciliation.movementCount).toBeGreaterThan(9);
  });
});
