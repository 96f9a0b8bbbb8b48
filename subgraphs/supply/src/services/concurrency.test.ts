import { randomUUID } from 'node:crypto';
import { codeOf } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { balanceOf, createItem, eventsOf, inDays, issueToPatient, receive, reconciliation, type SupplyFixture, startSupply } from '../testing/fixtures.ts';

let f: SupplyFixture;
beforeAll(async () => {
  f = await startSupply();
});
afterAll(() => f?.close());

const TRANSFER = 'mutation($i: TransferStockInput!) { transferStock(input: $i) { operationId } }';

describe('taking stock under contention', () => {
  it('50 concurrent issues of 1 unit to patients against 20 in stock: exactly 20 succeed, 30 get INSUFFICIENT_STOCK', async () => {
    const itemId = await createItem(f, { reorderLevel: 5, reorderQuantity: 50 });
    await receive(f, itemId, f.loc.pharmacy, 'C-1', 7, inDays(30));
    await receive(f, itemId, f.loc.pharmacy, 'C-2', 7, inDays(60));
    await receive(f, itemId, f.loc.pharmacy, 'C-3', 6, inDays(90));

    const results = await Promise.all(
      Array.from({ length: 50 }, () => issueToPatient(f.as.pharmacist, f.loc.pharmacy, [{ itemId, quantity: 1 }], randomUUID())),
    );
    const codes = results.map((r) => (r.errors.length ? codeOf(r) : 'OK'));
    expect(codes.filter((c) => c === 'OK')).toHaveLength(20);
    expect(codes.filter((c) => c === 'INSUFFICIENT_STOCK')).toHaveLength(30);

    expect(await balanceOf(f, itemId)).toBe(0);
    const [ledger] = await f.sql<{ n: string; total: string; dispensed: string }>(
      `select count(*) as n, sum(quantity) as total, count(*) filter (where kind = 'issue') as dispensed from supply.stock_movement where item_id = $1`,
      [itemId],
    );
    expect(Number(ledger?.total)).toBe(0);
    expect(Number(ledger?.dispensed)).toBe(20);
    const dispensed = (await eventsOf(f, 'stock.dispensed')).filter((e) => e.payload.lines[0].itemId === itemId);
    expect(dispensed).toHaveLength(20);
    expect((await eventsOf(f, 'stock.low')).filter((e) => e.entity_id === itemId)).toHaveLength(1);
    // FEFO held under contention: the lots emptied in expiry order, none went below zero.
    const lots = await f.sql<{ lot_number: string; taken: string }>(
      `select l.lot_number, -sum(m.quantity) filter (where m.kind = 'issue') as taken from supply.stock_movement m join supply.lot l on l.id = m.lot_id
       where m.item_id = $1 group by l.lot_number order by l.lot_number`,
      [itemId],
    );
    expect(lots.map((l) => [l.lot_number, Number(l.taken)])).toEqual([
      ['C-1', 7],
      ['C-2', 7],
      ['C-3', 6],
    ]);
    expect(await reconciliation(f)).toMatchObject({ ok: true });
  });

  it('mixed receipts, issues and opposite transfers of two items neither deadlock nor lose a unit', async () => {
    const a = await createItem(f);
    const b = await createItem(f);
    await receive(f, a, f.loc.pharmacy, 'A-1', 100);
    await receive(f, b, f.loc.pharmacy, 'B-1', 100);
    await receive(f, a, f.loc.ward, 'A-1', 100);
    await receive(f, b, f.loc.ward, 'B-1', 100);
    const lines = (first: string, second: string) => [
      { itemId: first, quantity: 1 },
      { itemId: second, quantity: 1 },
    ];
    const work = Array.from({ length: 40 }, (_, i) => {
      switch (i % 4) {
        case 0:
          return f.as.pharmacist.request(TRANSFER, { i: { fromLocationId: f.loc.pharmacy, toLocationId: f.loc.ward, lines: lines(a, b) } });
        case 1:
          return f.as.pharmacist.request(TRANSFER, { i: { fromLocationId: f.loc.ward, toLocationId: f.loc.pharmacy, lines: lines(b, a) } });
        case 2:
          return issueToPatient(f.as.pharmacist, f.loc.pharmacy, lines(b, a));
        default:
          return f.as.pharmacist.request('mutation($i: ReceiveStockInput!) { receiveStock(input: $i) { operationId } }', {
            i: { itemId: i % 8 === 3 ? a : b, locationId: f.loc.ward, lotNumber: 'R-1', quantity: 2, expiresOn: inDays(400), reference: `DN-${i}` },
          });
      }
    });
    const results = await Promise.all(work);
    expect(results.flatMap((r) => r.errors)).toEqual([]);
    // 10 issues took 1 of each; 5 receipts brought 2 of each.
    expect(await balanceOf(f, a)).toBe(200 - 10 + 10);
    expect(await balanceOf(f, b)).toBe(200 - 10 + 10);
    expect(await reconciliation(f)).toMatchObject({ ok: true });
  });
});
