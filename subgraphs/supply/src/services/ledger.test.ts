import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { balanceOf, createItem, inDays, issueToPatient, RECONCILE, receive, reconciliation, type SupplyFixture, startSupply } from '../testing/fixtures.ts';

let f: SupplyFixture;
let itemId: string;
let lotId: string;
beforeAll(async () => {
  f = await startSupply();
  itemId = await createItem(f);
  lotId = await receive(f, itemId, f.loc.pharmacy, 'LG-1', 50, inDays(200));
});
afterAll(() => f?.close());

const OP = 'operationId movements { kind quantity reason referenceType referenceId actorId operationId location { id } patient { id } }';
const run = async (name: string, input: Record<string, unknown>) => {
  const type = `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
  const result = await f.as.pharmacist.request(`mutation($i: ${type}!) { ${name}(input: $i) { ${OP} } }`, { i: input });
  expect(result.errors).toEqual([]);
  return result.data![name] as { operationId: string; movements: Record<string, any>[] };
};

describe('movements', () => {
  it('a transfer writes a matched pair under one operation and moves the stock', async () => {
    const t = await run('transferStock', { fromLocationId: f.loc.pharmacy, toLocationId: f.loc.ward, reason: 'ward top-up', lines: [{ itemId, quantity: 8 }] });
    expect(t.movements.map((m) => [m.kind, m.quantity, m.location.id, m.referenceType, m.referenceId, m.operationId])).toEqual([
      ['TRANSFER', -8, f.loc.pharmacy, 'TRANSFER', t.operationId, t.operationId],
      ['TRANSFER', 8, f.loc.ward, 'TRANSFER', t.operationId, t.operationId],
    ]);
    expect(await balanceOf(f, itemId, f.loc.pharmacy)).toBe(42);
    expect(await balanceOf(f, itemId, f.loc.ward)).toBe(8);
  });

  it('adjustments record the reason and who made them', async () => {
    const down = await run('adjustStock', { lotId, locationId: f.loc.pharmacy, quantityChange: -2, reason: 'count: 2 missing' });
    const up = await run('adjustStock', { lotId, locationId: f.loc.pharmacy, quantityChange: 1, reason: 'count: 1 found' });
    expect([...down.movements, ...up.movements].map((m) => [m.kind, m.quantity, m.reason, m.actorId])).toEqual([
      ['ADJUST', -2, 'count: 2 missing', f.users.pharmacist],
      ['ADJUST', 1, 'count: 1 found', f.users.pharmacist],
    ]);
    expect(await balanceOf(f, itemId, f.loc.pharmacy)).toBe(41);
  });

  it('returns come in from a patient (audited) and go out to the supplier', async () => {
    const back = await run('returnStock', {
      lotId,
      locationId: f.loc.ward,
      quantity: 1,
      direction: 'FROM_PATIENT',
      patientId: f.patientId,
      reason: 'not needed',
    });
    expect(back.movements[0]).toMatchObject({ kind: 'RETURN', quantity: 1, referenceType: 'RETURN', referenceId: f.patientId, patient: { id: f.patientId } });
    const out = await run('returnStock', {
      lotId,
      locationId: f.loc.pharmacy,
      quantity: 3,
      direction: 'TO_SUPPLIER',
      supplierId: f.supplierId,
      reason: 'recall',
    });
    expect(out.movements[0]).toMatchObject({ kind: 'RETURN', quantity: -3, referenceId: f.supplierId });
    expect(await f.sql(`select 1 from audit.event where entity_type = 'StockReturn' and patient_id = $1`, [f.patientId])).toHaveLength(1);
  });

  it('a direct issue to a ward references the ward; to a patient, the patient (and tells care)', async () => {
    const ward = await f.as.pharmacist.data<{ issueStock: { movements: { kind: string; referenceType: string; referenceId: string }[] } }>(
      'mutation($i: IssueStockInput!) { issueStock(input: $i) { movements { kind referenceType referenceId } } }',
      { i: { locationId: f.loc.pharmacy, ward: 'Ward B', lines: [{ itemId, quantity: 1 }] } },
    );
    expect(ward.issueStock.movements).toEqual([{ kind: 'ISSUE', referenceType: 'WARD', referenceId: 'Ward B' }]);
    const before = await f.sql(`select 1 from events.log where topic = 'stock.dispensed' and patient_id = $1`, [f.patientId]);
    await f.as.pharmacist.data('mutation($i: IssueStockInput!) { issueStock(input: $i) { operationId } }', {
      i: { locationId: f.loc.pharmacy, patientId: f.patientId, lines: [{ itemId, quantity: 1 }] },
    });
    const after = await f.sql(`select 1 from events.log where topic = 'stock.dispensed' and patient_id = $1`, [f.patientId]);
    expect(after.length - before.length).toBe(1);
  });

  it('the ledger is searchable by reference, newest first, in pages', async () => {
    const patientId = randomUUID();
    for (let i = 0; i < 3; i++) expect((await issueToPatient(f.as.pharmacist, f.loc.pharmacy, [{ itemId, quantity: 1 }], patientId)).errors).toEqual([]);
    const page = (after?: string) =>
      f.as.doctor.data<{ stockMovements: { nodes: { id: string; referenceId: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
        'query($f: StockMovementFilter, $a: String) { stockMovements(filter: $f, first: 2, after: $a) { nodes { id referenceId } pageInfo { hasNextPage endCursor } } }',
        { f: { referenceType: 'PATIENT', referenceId: patientId }, a: after },
      );
    const first = await page();
    expect(first.stockMovements.nodes).toHaveLength(2);
    expect(first.stockMovements.pageInfo.hasNextPage).toBe(true);
    const second = await page(first.stockMovements.pageInfo.endCursor);
    expect(second.stockMovements.nodes).toHaveLength(1);
    const ids = [...first.stockMovements.nodes, ...second.stockMovements.nodes].map((n) => Number(n.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it('all of it reconciles: balances equal the ledger, levels equal the balances', async () => {
    const r = await reconciliation(f);
    expect(r).toMatchObject({ ok: true });
    expect(r.movementCount).toBeGreaterThan(10);
    expect(r.ledgerTotal).toBe(r.balanceTotal);
  });
});

describe('the database guards the ledger itself', () => {
  it('rejects UPDATE, DELETE and TRUNCATE of movements, even by the table owner', async () => {
    await expect(f.sql('update supply.stock_movement set quantity = 1000')).rejects.toThrow(/append-only/);
    await expect(f.sql('delete from supply.stock_movement')).rejects.toThrow(/append-only/);
    await expect(f.sql('truncate supply.stock_movement cascade')).rejects.toThrow(/append-only/);
  });

  it('never lets a balance go negative (CHECK), nor a movement lie about its sign', async () => {
    await expect(f.sql('update supply.stock_balance set quantity = -1 where lot_id = $1', [lotId])).rejects.toThrow(/stock_balance_quantity_nonnegative/);
    await expect(
      f.sql(
        `insert into supply.stock_movement (operation_id, kind, item_id, lot_id, location_id, quantity, reference_type, reference_id)
         values (gen_random_uuid(), 'dispense', $1, $2, $3, 5, 'prescription', 'x')`,
        [itemId, lotId, f.loc.pharmacy],
      ),
    ).rejects.toThrow(/stock_movement_sign_matches_kind/);
  });

  it('reconciliation catches a balance changed behind the ledger', async () => {
    await f.sql('update supply.stock_balance set quantity = quantity + 5 where lot_id = $1 and location_id = $2', [lotId, f.loc.pharmacy]);
    const { stockReconciliation } = await f.as.pharmacist.data<{
      stockReconciliation: { ok: boolean; balanceMismatches: { lotId: string }[]; levelMismatches: { itemId: string }[] };
    }>(RECONCILE);
    expect(stockReconciliation.ok).toBe(false);
    expect(stockReconciliation.balanceMismatches).toEqual([{ lotId }]);
    expect(stockReconciliation.levelMismatches).toEqual([{ itemId }]);
  });
});
