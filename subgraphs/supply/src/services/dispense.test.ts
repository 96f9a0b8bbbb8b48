import { randomUUID } from 'node:crypto';
import { codeOf } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  balanceOf,
  createItem,
  DISPENSE,
  dispense,
  eventsOf,
  inDays,
  receive,
  reconciliation,
  type SupplyFixture,
  snapshot,
  startSupply,
} from '../testing/fixtures.ts';

let f: SupplyFixture;
beforeAll(async () => {
  f = await startSupply();
});
afterAll(() => f?.close());

type Dispensed = { dispensePrescription: { operationId: string; lines: { allocations: { quantity: number; lotNumber: string; lot: { id: string } }[] }[] } };

describe('dispensing against a prescription', () => {
  it('takes the earliest unexpired lot first (FEFO), not the one received first', async () => {
    const itemId = await createItem(f);
    await receive(f, itemId, f.loc.pharmacy, 'LATE', 10, inDays(300));
    await receive(f, itemId, f.loc.pharmacy, 'SOON', 10, inDays(30));
    const result = await dispense(f.as.pharmacist, f.loc.pharmacy, [{ itemId, quantity: 4 }]);
    const allocations = (result.data as Dispensed).dispensePrescription.lines[0]!.allocations;
    expect(allocations.map((a) => [a.lotNumber, a.quantity])).toEqual([['SOON', 4]]);
  });

  it('splits over lots when the earliest one is not enough', async () => {
    const itemId = await createItem(f);
    await receive(f, itemId, f.loc.pharmacy, 'A', 3, inDays(10));
    await receive(f, itemId, f.loc.pharmacy, 'B', 5, inDays(20));
    await receive(f, itemId, f.loc.pharmacy, 'C', 50, inDays(30));
    const result = await dispense(f.as.pharmacist, f.loc.pharmacy, [{ itemId, quantity: 10 }]);
    const allocations = (result.data as Dispensed).dispensePrescription.lines[0]!.allocations;
    expect(allocations.map((a) => [a.lotNumber, a.quantity])).toEqual([
      ['A', 3],
      ['B', 5],
      ['C', 2],
    ]);
    expect(await balanceOf(f, itemId, f.loc.pharmacy)).toBe(48);
  });

  it('never dispenses an expired lot, even when it expires first and holds plenty', async () => {
    const itemId = await createItem(f);
    const expired = await receive(f, itemId, f.loc.pharmacy, 'EXPIRED', 100, inDays(5));
    await receive(f, itemId, f.loc.pharmacy, 'GOOD', 6, inDays(200));
    await f.sql(`update supply.lot set expires_on = current_date - 1 where id = $1`, [expired]);

    const ok = await dispense(f.as.pharmacist, f.loc.pharmacy, [{ itemId, quantity: 6 }]);
    expect((ok.data as Dispensed).dispensePrescription.lines[0]!.allocations.map((a) => a.lotNumber)).toEqual(['GOOD']);
    const more = await dispense(f.as.pharmacist, f.loc.pharmacy, [{ itemId, quantity: 1 }]);
    expect(codeOf(more)).toBe('INSUFFICIENT_STOCK');
    expect(more.errors[0]?.extensions).toMatchObject({ requested: 1, available: 0 });
    const [left] = await f.sql<{ quantity: number }>(`select quantity from supply.stock_balance where lot_id = $1`, [expired]);
    expect(left?.quantity).toBe(100);
  });

  it('writes nothing when any line falls short: no movements, balances, events or audit rows', async () => {
    const plenty = await createItem(f);
    const scarce = await createItem(f);
    await receive(f, plenty, f.loc.pharmacy, 'P1', 100);
    await receive(f, scarce, f.loc.pharmacy, 'S1', 2);
    const before = await snapshot(f);
    const result = await dispense(
      f.as.pharmacist,
      f.loc.pharmacy,
      [
        { itemId: plenty, quantity: 10 },
        { itemId: scarce, quantity: 3 },
      ],
      randomUUID(),
      f.patientId,
    );
    expect(codeOf(result)).toBe('INSUFFICIENT_STOCK');
    expect(result.data).toBeNull();
    expect(await snapshot(f)).toEqual(before);
    expect(await balanceOf(f, plenty)).toBe(100);
  });

  it('counts two lines of the same item against the same stock', async () => {
    const itemId = await createItem(f);
    await receive(f, itemId, f.loc.pharmacy, 'ONLY', 5);
    const before = await snapshot(f);
    const result = await dispense(f.as.pharmacist, f.loc.pharmacy, [
      { itemId, quantity: 3 },
      { itemId, quantity: 3 },
    ]);
    expect(codeOf(result)).toBe('INSUFFICIENT_STOCK');
    expect(await snapshot(f)).toEqual(before);
  });

  it('records the prescription reference, audits the patient and emits stock.dispensed for care', async () => {
    const itemId = await createItem(f);
    await receive(f, itemId, f.loc.pharmacy, 'RX1', 2, inDays(40));
    await receive(f, itemId, f.loc.pharmacy, 'RX2', 10, inDays(80));
    const prescriptionId = randomUUID();
    const prescriptionItemId = randomUUID();
    const encounterId = randomUUID();
    const { dispensePrescription } = await f.as.pharmacist.data<Dispensed>(DISPENSE, {
      i: { prescriptionId, patientId: f.patientId, encounterId, locationId: f.loc.pharmacy, lines: [{ itemId, quantity: 5, prescriptionItemId }] },
    });
    const movements = await f.sql<{ reference_type: string; reference_id: string; patient_id: string; actor_id: string; kind: string }>(
      `select reference_type, reference_id, patient_id, actor_id, kind from supply.stock_movement where operation_id = $1`,
      [dispensePrescription.operationId],
    );
    expect(movements).toHaveLength(2);
    for (const m of movements)
      expect(m).toEqual({
        reference_type: 'prescription',
        reference_id: prescriptionId,
        patient_id: f.patientId,
        actor_id: f.users.pharmacist,
        kind: 'dispense',
      });

    const [event] = (await eventsOf(f, 'stock.dispensed')).filter((e) => e.entity_id === dispensePrescription.operationId);
    expect(event?.patient_id).toBe(f.patientId);
    expect(event?.facility_id).toBe(f.facilityId);
    expect(event?.payload).toMatchObject({ prescriptionId, encounterId, lines: [{ itemId, prescriptionItemId, quantity: 5, lotIds: expect.any(Array) }] });
    expect(event?.payload.lines[0].lots.map((l: { quantity: number }) => l.quantity)).toEqual([2, 3]);

    const changed = (await eventsOf(f, 'stock.changed')).filter((e) => e.payload.operationId === dispensePrescription.operationId);
    expect(changed.map((e) => [e.payload.locationId, e.payload.delta, e.payload.quantity])).toEqual([[f.loc.pharmacy, -5, 7]]);

    const audits = await f.sql(`select 1 from audit.event where entity_type = 'Dispense' and entity_id = $1 and patient_id = $2 and actor_id = $3`, [
      dispensePrescription.operationId,
      f.patientId,
      f.users.pharmacist,
    ]);
    expect(audits).toHaveLength(1);
  });

  it('previews which lots FEFO would take without taking them', async () => {
    const itemId = await createItem(f);
    await receive(f, itemId, f.loc.pharmacy, 'PV-B', 4, inDays(90));
    await receive(f, itemId, f.loc.pharmacy, 'PV-A', 4, inDays(45));
    const before = await snapshot(f);
    const { dispensePreview } = await f.as.doctor.data<{
      dispensePreview: { available: number; sufficient: boolean; allocations: { lotNumber: string; quantity: number }[] }[];
    }>('query($i: DispensePreviewInput!) { dispensePreview(input: $i) { available sufficient allocations { lotNumber quantity } } }', {
      i: { locationId: f.loc.pharmacy, lines: [{ itemId, quantity: 6 }] },
    });
    expect(dispensePreview[0]).toEqual({
      available: 8,
      sufficient: true,
      allocations: [
        { lotNumber: 'PV-A', quantity: 4 },
        { lotNumber: 'PV-B', quantity: 2 },
      ],
    });
    expect(await snapshot(f)).toEqual(before);
  });

  it('keeps the ledger and balances reconciled through all of this', async () => {
    expect(await reconciliation(f)).toMatchObject({ ok: true });
  });
});
