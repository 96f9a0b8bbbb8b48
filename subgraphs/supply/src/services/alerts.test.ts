import { codeOf } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItem, eventsOf, inDays, issueToPatient, receive, type SupplyFixture, startSupply } from '../testing/fixtures.ts';

let f: SupplyFixture;
beforeAll(async () => {
  f = await startSupply();
});
afterAll(() => f?.close());

const lowAlerts = async (itemId: string) => (await eventsOf(f, 'stock.low')).filter((e) => e.entity_id === itemId).length;
const take = async (itemId: string, quantity: number) => {
  const r = await issueToPatient(f.as.pharmacist, f.loc.pharmacy, [{ itemId, quantity }]);
  expect(r.errors).toEqual([]);
};

describe('low-stock alerts', () => {
  it('fire once when stock crosses the reorder level, and again only after a restock and a second crossing', async () => {
    const itemId = await createItem(f, { reorderLevel: 10, reorderQuantity: 40 });
    await receive(f, itemId, f.loc.pharmacy, 'L-1', 15);
    expect(await lowAlerts(itemId)).toBe(0);
    await take(itemId, 3); // 12
    expect(await lowAlerts(itemId)).toBe(0);
    await take(itemId, 2); // 10: at the level
    expect(await lowAlerts(itemId)).toBe(1);
    await take(itemId, 1); // 9
    await take(itemId, 4); // 5
    expect(await lowAlerts(itemId)).toBe(1);
    await receive(f, itemId, f.loc.pharmacy, 'L-2', 9); // 14: re-armed
    expect(await lowAlerts(itemId)).toBe(1);
    await take(itemId, 1); // 13
    expect(await lowAlerts(itemId)).toBe(1);
    await take(itemId, 4); // 9: second crossing
    expect(await lowAlerts(itemId)).toBe(2);

    const [second] = (await eventsOf(f, 'stock.low')).filter((e) => e.entity_id === itemId).slice(-1);
    expect(second?.facility_id).toBe(f.facilityId);
    expect(second?.payload).toMatchObject({ itemId, onHand: 9, reorderLevel: 10, reorderQuantity: 40 });
    const { lowStock } = await f.as.nurse.data<{ lowStock: { item: { id: string }; onHand: number }[] }>(
      'query($f: ID!) { lowStock(facilityId: $f) { item { id } onHand } }',
      { f: f.facilityId },
    );
    expect(lowStock).toContainEqual({ item: { id: itemId }, onHand: 9 });
  });

  it('counts the whole facility, so a transfer between its locations never alerts', async () => {
    const itemId = await createItem(f, { reorderLevel: 10 });
    await receive(f, itemId, f.loc.pharmacy, 'T-1', 12);
    const r = await f.as.pharmacist.request('mutation($i: TransferStockInput!) { transferStock(input: $i) { operationId } }', {
      i: { fromLocationId: f.loc.pharmacy, toLocationId: f.loc.ward, lines: [{ itemId, quantity: 12 }] },
    });
    expect(r.errors).toEqual([]);
    expect(await lowAlerts(itemId)).toBe(0);
  });

  it('alerts when a raised reorder level puts stock at or below it', async () => {
    const itemId = await createItem(f, { reorderLevel: 5 });
    await receive(f, itemId, f.loc.pharmacy, 'U-1', 20);
    const update = (reorderLevel: number) =>
      f.as.pharmacist.data('mutation($id: ID!, $i: UpdateItemInput!) { updateItem(id: $id, input: $i) { reorderLevel } }', { id: itemId, i: { reorderLevel } });
    await update(25);
    await update(30);
    expect(await lowAlerts(itemId)).toBe(1);
  });
});

const EXPIRING = 'query($f: ID!, $d: Int) { expiringStock(facilityId: $f, withinDays: $d) { lot { lotNumber } expired daysLeft quantity location { id } } }';
const CHECK = 'mutation($f: ID!) { runExpiryCheck(facilityId: $f) { lot { lotNumber } expired } }';

describe('expiry', () => {
  it('lists stock expiring within a configurable window and alerts each lot, location and stage once', async () => {
    const itemId = await createItem(f);
    const soon = await receive(f, itemId, f.loc.lab, 'EXP-SOON', 4, inDays(10));
    await receive(f, itemId, f.loc.lab, 'EXP-LATER', 4, inDays(100));
    const gone = await receive(f, itemId, f.loc.lab, 'EXP-GONE', 2, inDays(3));
    await f.sql('update supply.lot set expires_on = current_date - 1 where id = $1', [gone]);

    const list = async (days?: number) =>
      (
        await f.as.doctor.data<{ expiringStock: { lot: { lotNumber: string }; expired: boolean; location: { id: string } }[] }>(EXPIRING, {
          f: f.facilityId,
          d: days,
        })
      ).expiringStock;
    expect((await list(30)).map((s) => [s.lot.lotNumber, s.expired])).toEqual([
      ['EXP-GONE', true],
      ['EXP-SOON', false],
    ]);
    expect((await list(120)).map((s) => s.lot.lotNumber)).toEqual(['EXP-GONE', 'EXP-SOON', 'EXP-LATER']);
    expect(codeOf(await f.as.doctor.request(EXPIRING, { f: f.facilityId, d: -1 }))).toBe('BAD_USER_INPUT');

    await f.as.pharmacist.data('mutation($f: ID!) { setExpiryWindow(facilityId: $f, days: 30) }', { f: f.facilityId });
    const first = (await f.as.pharmacist.data<{ runExpiryCheck: { lot: { lotNumber: string }; expired: boolean }[] }>(CHECK, { f: f.facilityId }))
      .runExpiryCheck;
    expect(first.map((s) => [s.lot.lotNumber, s.expired])).toEqual([
      ['EXP-GONE', true],
      ['EXP-SOON', false],
    ]);
    expect((await f.as.pharmacist.data<{ runExpiryCheck: unknown[] }>(CHECK, { f: f.facilityId })).runExpiryCheck).toEqual([]);

    await f.sql('update supply.lot set expires_on = current_date where id = $1', [soon]);
    const later = (await f.as.pharmacist.data<{ runExpiryCheck: { lot: { lotNumber: string }; expired: boolean }[] }>(CHECK, { f: f.facilityId }))
      .runExpiryCheck;
    expect(later).toEqual([{ lot: { lotNumber: 'EXP-SOON' }, expired: true }]);

    const events = (await eventsOf(f, 'stock.expiring')).filter((e) => e.payload.itemId === itemId);
    expect(events.map((e) => [e.payload.lotNumber, e.payload.stage])).toEqual([
      ['EXP-GONE', 'expired'],
      ['EXP-SOON', 'expiring'],
      ['EXP-SOON', 'expired'],
    ]);
    expect(events.every((e) => e.facility_id === f.facilityId && e.payload.locationId === f.loc.lab)).toBe(true);
  });

  it('writes an expired lot off the shelf with an expire movement, and refuses one that has not expired', async () => {
    const itemId = await createItem(f);
    const lotId = await receive(f, itemId, f.loc.store, 'WO-1', 9, inDays(5));
    const writeOff = () =>
      f.as.pharmacist.request('mutation($i: WriteOffStockInput!) { writeOffStock(input: $i) { movements { kind quantity reason } } }', {
        i: { lotId, locationId: f.loc.store, expired: true },
      });
    expect(codeOf(await writeOff())).toBe('BAD_USER_INPUT');
    await f.sql('update supply.lot set expires_on = current_date - 2 where id = $1', [lotId]);
    const ok = await writeOff();
    expect(ok.data?.writeOffStock.movements).toEqual([{ kind: 'EXPIRE', quantity: -9, reason: expect.stringContaining('expired') }]);
  });
});

const STOCK_EVENT = `query($id: ID!) { stockEvent(id: $id) {
  id topic facility { id } item { id } location { id kind } lot { lotNumber } quantity delta reorderLevel expiresOn expiryStage prescriptionId
  lines { item { id } quantity allocations { quantity } } movements { kind quantity }
} }`;

describe('stockEvent: what the live mechanism resolves a subscription payload with', () => {
  it('resolves each stock topic by its log id, with references and ledger entries', async () => {
    const itemId = await createItem(f, { reorderLevel: 3 });
    await receive(f, itemId, f.loc.ward, 'EV-1', 5, inDays(20));
    const r = await issueToPatient(f.as.pharmacist, f.loc.ward, [{ itemId, quantity: 2 }], f.patientId);
    expect(r.errors).toEqual([]);
    const { operationId } = (r.data as { issueStock: { operationId: string } }).issueStock;
    const changed = (await eventsOf(f, 'stock.changed')).filter((e) => e.entity_id === itemId).at(-1)!;
    const low = (await eventsOf(f, 'stock.low')).find((e) => e.entity_id === itemId)!;
    const dispensed = (await eventsOf(f, 'stock.dispensed')).find((e) => e.entity_id === operationId)!;

    const read = async (id: string) => (await f.as.nurse.data<{ stockEvent: Record<string, any> }>(STOCK_EVENT, { id })).stockEvent;
    expect(await read(changed.id)).toMatchObject({
      id: changed.id,
      topic: 'stock.changed',
      facility: { id: f.facilityId },
      item: { id: itemId },
      location: { id: f.loc.ward, kind: 'WARD_CABINET' },
      quantity: 3,
      delta: -2,
      movements: [{ kind: 'ISSUE', quantity: -2 }],
    });
    expect(await read(low.id)).toMatchObject({ topic: 'stock.low', item: { id: itemId }, quantity: 3, reorderLevel: 3, location: null });
    expect(await read(dispensed.id)).toMatchObject({
      topic: 'stock.dispensed',
      prescriptionId: null,
      lines: [{ item: { id: itemId }, quantity: 2, allocations: [{ quantity: 2 }] }],
    });
  });

  it('is NOT_FOUND for events of other topics and for ids that do not exist, and refuses patients', async () => {
    const [other] = await f.sql<{ id: string }>(
      `insert into events.log (topic, entity_type, entity_id) values ('appointment.changed', 'Appointment', 'x') returning id::text as id`,
    );
    expect(codeOf(await f.as.admin.request(STOCK_EVENT, { id: other!.id }))).toBe('NOT_FOUND');
    expect(codeOf(await f.as.admin.request(STOCK_EVENT, { id: '99999999999' }))).toBe('NOT_FOUND');
    expect(codeOf(await f.as.admin.request(STOCK_EVENT, { id: 'not-a-number' }))).toBe('NOT_FOUND');
    const [stock] = await eventsOf(f, 'stock.changed');
    expect(codeOf(await f.as.patient.request(STOCK_EVENT, { id: stock!.id }))).toBe('FORBIDDEN');
  });
});
