import { randomUUID } from 'node:crypto';
import { codeOf } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { balanceOf, createItem, inDays, issueToPatient, receive, reconciliation, type SupplyFixture, snapshot, startSupply } from '../testing/fixtures.ts';

let f: SupplyFixture;
beforeAll(async () => {
  f = await startSupply();
});
afterAll(() => f?.close());

type Taken = { issueStock: { operationId: string; lines: { allocations: { quantity: number; lotNumber: string; lot: { id: string } }[] }[] } };

/** FEFO picking, shared by dispenses and direct issues; shown here through issues (a dispense needs care, see below). */
describe('taking stock off the shelf', () => {
  it('takes the earliest unexpired lot first (FEFO), not the one received first', async () => {
    const itemId = await createItem(f);
    await receive(f, itemId, f.loc.pharmacy, 'LATE', 10, inDays(300));
    await receive(f, itemId, f.loc.pharmacy, 'SOON', 10, inDays(30));
    const result = await issueToPatient(f.as.pharmacist, f.loc.pharmacy, [{ itemId, quantity: 4 }]);
    const allocations = (result.data as Taken).issueStock.lines[0]!.allocations;
    expect(allocations.map((a) => [a.lotNumber, a.quantity])).toEqual([['SOON', 4]]);
  });

  it('splits over lots when the earliest one is not enough', async () => {
    const itemId = await createItem(f);
    await receive(f, itemId, f.loc.pharmacy, 'A', 3, inDays(10));
    await receive(f, itemId, f.loc.pharmacy, 'B', 5, inDays(20));
    await receive(f, itemId, f.loc.pharmacy, 'C', 50, inDays(30));
    const result = await issueToPatient(f.as.pharmacist, f.loc.pharmacy, [{ itemId, quantity: 10 }]);
    const allocations = (result.data as Taken).issueStock.lines[0]!.allocations;
    expect(allocations.map((a) => [a.lotNumber, a.quantity])).toEqual([
      ['A', 3],
      ['B', 5],
      ['C', 2],
    ]);
    expect(await balanceOf(f, itemId, f.loc.pharmacy)).toBe(48);
  });

  it('never takes an expired lot, even when it expires first and holds plenty', async () => {
    const itemId = await createItem(f);
    const expired = await receive(f, itemId, f.loc.pharmacy, 'EXPIRED', 100, inDays(5));
    await receive(f, itemId, f.loc.pharmacy, 'GOOD', 6, inDays(200));
    await f.sql(`update supply.lot set expires_on = current_date - 1 where id = $1`, [expired]);

    const ok = await issueToPatient(f.as.pharmacist, f.loc.pharmacy, [{ itemId, quantity: 6 }]);
    expect((ok.data as Taken).issueStock.lines[0]!.allocations.map((a) => a.lotNumber)).toEqual(['GOOD']);
    const more = await issueToPatient(f.as.pharmacist, f.loc.pharmacy, [{ itemId, quantity: 1 }]);
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
    const result = await issueToPatient(
      f.as.pharmacist,
      f.loc.pharmacy,
      [
        { itemId: plenty, quantity: 10 },
        { itemId: scarce, quantity: 3 },
      ],
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
    const result = await issueToPatient(f.as.pharmacist, f.loc.pharmacy, [
      { itemId, quantity: 3 },
      { itemId, quantity: 3 },
    ]);
    expect(codeOf(result)).toBe('INSUFFICIENT_STOCK');
    expect(await snapshot(f)).toEqual(before);
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
});

const DISPENSE = 'mutation($i: DispensePrescriptionInput!) { dispensePrescription(input: $i) { operationId } }';

describe('dispensing a prescription, which only care can vouch for', () => {
  it('fails closed when care does not answer: SERVICE_UNAVAILABLE naming care, nothing written', async () => {
    const itemId = await createItem(f);
    await receive(f, itemId, f.loc.pharmacy, 'NO-CARE', 10);
    // Supply finds care where CLINIGRAPH_CARE_URL says; nothing listens on port 9.
    process.env.CLINIGRAPH_CARE_URL = 'http://127.0.0.1:9/graphql';
    try {
      const before = await snapshot(f);
      const result = await f.as.pharmacist.request(DISPENSE, {
        i: { prescriptionId: randomUUID(), locationId: f.loc.pharmacy, lines: [{ itemId, quantity: 1 }] },
      });
      expect(result.errors[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', service: 'care' });
      expect(result.errors[0]?.message).toMatch(/Nothing was dispensed/);
      expect(await snapshot(f)).toEqual(before);
    } finally {
      delete process.env.CLINIGRAPH_CARE_URL;
    }
  });

  it('checks what supply knows itself before asking care: an unknown item or location is NOT_FOUND', async () => {
    process.env.CLINIGRAPH_CARE_URL = 'http://127.0.0.1:9/graphql';
    try {
      const itemId = await createItem(f);
      const ask = (i: Record<string, unknown>) =>
        f.as.pharmacist.request(DISPENSE, { i: { prescriptionId: randomUUID(), locationId: f.loc.pharmacy, lines: [{ itemId, quantity: 1 }], ...i } });
      expect(codeOf(await ask({ lines: [{ itemId: randomUUID(), quantity: 1 }] }))).toBe('NOT_FOUND');
      expect(codeOf(await ask({ locationId: randomUUID() }))).toBe('NOT_FOUND');
      expect(codeOf(await ask({ lines: [{ itemId, quantity: 1, prescriptionItemId: 'line-1' }] }))).toBe('BAD_USER_INPUT');
    } finally {
      delete process.env.CLINIGRAPH_CARE_URL;
    }
  });
});

describe('the ledger', () => {
  it('keeps the ledger and balances reconciled through all of this', async () => {
    expect(await reconciliation(f)).toMatchObject({ ok: true });
  });
});
