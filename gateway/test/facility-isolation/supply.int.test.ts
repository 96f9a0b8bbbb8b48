import { codeOf, type GqlClient, type GqlResult, gqlClient } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SecondFacility, secondFacility } from '../../src/testing/second-facility.ts';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';
import { collect, liveConnections } from '../scheduling-live/live-client.ts';

/**
 * Facility scoping in supply (issue 14). Hillside (B) keeps its own stock: a pharmacy, a ward cabinet,
 * a lot only B received, a patient issue, equipment and a purchase order, all made by B's staff. The demo
 * staff of Riverside (A) must find none of it by any path: by id, in lists and reports, through
 * `_entities` of supply's Location and Lot, in live updates, or by acting on it (NOT_FOUND, nothing
 * written). B's staff see their own; the network admin sees both. The catalogue of items and suppliers is
 * the network's, the same for everyone.
 */
let stack: TestStack;
let b: SecondFacility;
let aPharmacist: GqlClient;
let aNurse: GqlClient;
let bPharmacist: GqlClient;
let admin: GqlClient;
let facilityA: string;
let itemId: string;
let monitor: string;
let aPharmacy: string;
let bPharmacy: string;
let bWard: string;
let bLot: string;
let bEquipment: string;
let bOrder: string;
let bEvent: string;
let supplierId: string;

const MISSING = '00000000-0000-4000-8000-000000000000';
const connect = liveConnections(() => stack.gateway.url);

const sql = <T>(text: string, params: unknown[] = []) => stack.db.database.query<T>(text, params);
/** Every row an act on stock, locations, equipment, orders or settings would write. */
const written = () =>
  sql<{ n: string }>(
    `select (select count(*) from supply.stock_movement) + (select count(*) from supply.location) + (select count(*) from supply.equipment)
          + (select count(*) from supply.maintenance_record) + (select count(*) from supply.purchase_order)
          + (select count(*) from supply.facility_setting) + (select count(*) from supply.expiry_alert) as n`,
  );
const eventCursor = async () => (await sql<{ id: string }>('select coalesce(max(id), 0)::text as id from events.log'))[0]!.id;

beforeAll(async () => {
  stack = await startTestStack();
  b = await secondFacility(stack);
  facilityA = stack.seed.facilityId;
  bPharmacist = b.staff.pharmacist;
  [aPharmacist, aNurse, admin] = await Promise.all([stack.as('pharmacist'), stack.as('nurse'), stack.as('admin')]);

  const { items, suppliers, locations } = await aPharmacist.data<{
    items: { id: string; sku: string }[];
    suppliers: { id: string }[];
    locations: { id: string; code: string }[];
  }>('query($f: ID!) { items { id sku } suppliers { id } locations(facilityId: $f) { id code } }', { f: facilityA });
  itemId = items.find((i) => i.sku === 'MED-PARA-500')!.id;
  monitor = items.find((i) => i.sku === 'EQP-BPM')!.id;
  supplierId = suppliers[0]!.id;
  aPharmacy = locations.find((l) => l.code === 'PHARM')!.id;

  const location = async (code: string, kind: string) =>
    (
      await bPharmacist.data<{ createLocation: { id: string } }>('mutation($i: CreateLocationInput!) { createLocation(input: $i) { id } }', {
        i: { facilityId: b.facilityId, code, name: `Hillside ${code}`, kind },
      })
    ).createLocation.id;
  bPharmacy = await location('HIL-PHARM', 'PHARMACY');
  bWard = await location('HIL-WARD', 'WARD_CABINET');

  const { receiveStock } = await bPharmacist.data<{ receiveStock: { movements: { lot: { id: string } }[] } }>(
    'mutation($i: ReceiveStockInput!) { receiveStock(input: $i) { movements { lot { id } } } }',
    { i: { itemId, locationId: bPharmacy, lotNumber: 'HIL-PCM-1', expiresOn: inDays(20), quantity: 40, reference: 'HIL-DN-1' } },
  );
  bLot = receiveStock.movements[0]!.lot.id;
  await bPharmacist.data('mutation($i: IssueStockInput!) { issueStock(input: $i) { operationId } }', {
    i: { locationId: bPharmacy, patientId: b.patientId, lines: [{ itemId, quantity: 2 }] },
  });
  bEvent = (await sql<{ id: string }>("select max(id)::text as id from events.log where topic = 'stock.changed' and facility_id = $1", [b.facilityId]))[0]!.id;
  bEquipment = (
    await bPharmacist.data<{ registerEquipment: { id: string } }>('mutation($i: RegisterEquipmentInput!) { registerEquipment(input: $i) { id } }', {
      i: { itemId: monitor, serialNumber: 'HIL-BPM-1', locationId: bWard, maintenanceIntervalDays: 180 },
    })
  ).registerEquipment.id;
  bOrder = (
    await bPharmacist.data<{ createPurchaseOrder: { id: string } }>('mutation($i: CreatePurchaseOrderInput!) { createPurchaseOrder(input: $i) { id } }', {
      i: { supplierId, deliverToLocationId: bPharmacy, lines: [{ itemId, quantity: 100 }] },
    })
  ).createPurchaseOrder.id;
}, 300_000);
afterAll(() => stack?.stop());

function inDays(days: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const errorShape = (r: GqlResult<unknown>) => r.errors.map((e) => ({ message: e.message, code: e.extensions?.code }));

describe("A's staff find none of B's supply records", () => {
  it.each([
    ['location', 'query($id: ID!) { location(id: $id) { id name } }', () => bPharmacy],
    ['lot', 'query($id: ID!) { lot(id: $id) { id lotNumber } }', () => bLot],
    ['purchaseOrder', 'query($id: ID!) { purchaseOrder(id: $id) { id number } }', () => bOrder],
  ])('%s by id: NOT_FOUND, exactly as a missing one', async (field, query, id) => {
    const other = await aPharmacist.request(query, { id: id() });
    expect(codeOf(other)).toBe('NOT_FOUND');
    expect(other.data).toEqual({ [field]: null });
    expect(errorShape(other)).toEqual(errorShape(await aPharmacist.request(query, { id: MISSING })));
    expect(JSON.stringify(other)).not.toMatch(/Hillside|HIL-/);
    expect(codeOf(await bPharmacist.request(query, { id: id() }))).toBeNull();
  });

  it("a stock event of B's (what live updates resolve through) is NOT_FOUND", async () => {
    const query = 'query($id: ID!) { stockEvent(id: $id) { id topic quantity } }';
    expect(codeOf(await aPharmacist.request(query, { id: bEvent }))).toBe('NOT_FOUND');
    expect((await bPharmacist.data<{ stockEvent: { topic: string } }>(query, { id: bEvent })).stockEvent.topic).toBe('stock.changed');
  });

  it.each([
    ['locations', 'query($f: ID!) { locations(facilityId: $f) { id } }'],
    ['lowStock', 'query($f: ID!) { lowStock(facilityId: $f) { onHand } }'],
    ['expiringStock', 'query($f: ID!) { expiringStock(facilityId: $f) { quantity } }'],
    ['expiryWindowDays', 'query($f: ID!) { expiryWindowDays(facilityId: $f) }'],
    ['equipment', 'query($f: ID!) { equipment(facilityId: $f) { id } }'],
    ['maintenanceDue', 'query($f: ID!) { maintenanceDue(facilityId: $f, withinDays: 3650) { id } }'],
    ['purchaseOrders', 'query($f: ID!) { purchaseOrders(facilityId: $f) { id } }'],
    ['suggestedPurchaseOrders', 'query($f: ID!) { suggestedPurchaseOrders(facilityId: $f) { lines { onHand } } }'],
    ['stockReconciliation', 'query($f: ID!) { stockReconciliation(facilityId: $f) { movementCount } }'],
    ['stockBalances', 'query($f: ID!) { stockBalances(filter: { facilityId: $f }) { quantity } }'],
    ['stockMovements', 'query($f: ID!) { stockMovements(filter: { facilityId: $f }) { nodes { id } } }'],
  ])("%s of B's facility: NOT_FOUND for the facility", async (field, query) => {
    const other = await aPharmacist.request(query, { f: b.facilityId });
    expect(codeOf(other)).toBe('NOT_FOUND');
    expect(other.data?.[field] ?? null).toBeNull();
    expect((await bPharmacist.request(query, { f: b.facilityId })).errors).toEqual([]);
    expect((await aPharmacist.request(query, { f: facilityA })).errors).toEqual([]);
  });

  it("an item's stock at B is NOT_FOUND; the item itself is the network's catalogue", async () => {
    const query = 'query($id: ID!, $f: ID!) { item(id: $id) { sku onHand(facilityId: $f) } }';
    expect(codeOf(await aPharmacist.request(query, { id: itemId, f: b.facilityId }))).toBe('NOT_FOUND');
    expect((await bPharmacist.data<{ item: { onHand: number } }>(query, { id: itemId, f: b.facilityId })).item.onHand).toBe(38);
    expect((await aPharmacist.data<{ item: { sku: string } }>('query($id: ID!) { item(id: $id) { sku } }', { id: itemId })).item.sku).toBe('MED-PARA-500');
  });

  it("lists, the ledger and the reconciliation leave B's rows out, in SQL (paging and counts stay right)", async () => {
    type Lists = {
      stockBalances: { location: { id: string }; lot: { id: string } }[];
      stockMovements: { nodes: { location: { id: string }; lot: { id: string }; patient: { id: string } | null }[] };
      byLot: { nodes: unknown[] };
      item: { lots: { id: string }[]; balances: { location: { id: string } }[] };
    };
    // One list a request, within the gateway's query cost limit.
    const QUERIES = [
      'query($item: ID!) { stockBalances(filter: { itemId: $item }) { location { id } lot { id } } }',
      'query($item: ID!) { stockMovements(filter: { itemId: $item }, first: 20) { nodes { location { id } lot { id } patient { id } } } }',
      'query($lot: ID!) { byLot: stockMovements(filter: { lotId: $lot }, first: 5) { nodes { id } } }',
      'query($item: ID!) { item(id: $item) { lots { id } balances { location { id } } } }',
    ];
    const listsOf = async (client: GqlClient) =>
      Object.assign({}, ...(await Promise.all(QUERIES.map((q) => client.data(q, q.includes('$lot') ? { lot: bLot } : { item: itemId }))))) as Lists;
    const seen = (lists: Lists) =>
      JSON.stringify([lists.stockBalances, lists.stockMovements.nodes, lists.item]).match(new RegExp(`${bPharmacy}|${bLot}|${b.patientId}`, 'g')) ?? [];
    const a = await listsOf(aPharmacist);
    expect(a.stockBalances.length).toBeGreaterThan(0);
    expect(a.stockMovements.nodes.length).toBeGreaterThan(0);
    expect(seen(a)).toEqual([]);
    expect(a.byLot.nodes).toEqual([]);
    const own = await listsOf(bPharmacist);
    expect(own.stockBalances.map((x) => x.location.id)).toEqual([bPharmacy]);
    expect(own.byLot.nodes).toHaveLength(2);
    expect(own.item.lots.map((l) => l.id)).toEqual([bLot]);
    expect(own.stockMovements.nodes.some((m) => m.patient?.id === b.patientId)).toBe(true);
    const both = await listsOf(admin);
    expect(new Set(both.stockBalances.map((x) => x.location.id))).toEqual(new Set([...a.stockBalances.map((x) => x.location.id), bPharmacy]));

    const RECONCILE = 'query($f: ID) { stockReconciliation(facilityId: $f) { ok movementCount } }';
    const mine = await aPharmacist.data<{ stockReconciliation: { movementCount: number } }>(RECONCILE, { f: null });
    const onlyA = await aPharmacist.data<{ stockReconciliation: { movementCount: number } }>(RECONCILE, { f: facilityA });
    const network = await admin.data<{ stockReconciliation: { ok: boolean; movementCount: number } }>(RECONCILE, { f: null });
    expect(mine.stockReconciliation.movementCount).toBe(onlyA.stockReconciliation.movementCount);
    expect(network.stockReconciliation).toEqual({ ok: true, movementCount: onlyA.stockReconciliation.movementCount + 2 });
  });

  it('the stock list runs as many SQL statements for confined staff as for the network admin', async () => {
    const QUERY = 'query($f: ID!) { stockBalances(filter: { facilityId: $f }) { quantity item { name } lot { lotNumber } location { name } } }';
    const count = async (client: GqlClient) => (await client.request(QUERY, { f: facilityA })).extensions?.sqlCount;
    const confined = await count(aPharmacist);
    expect(typeof confined).toBe('number');
    expect(confined).toBe(await count(admin));
  });
});

describe("supply's _entities, asked directly with A's token", () => {
  const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
    ... on Location { id name } ... on Lot { id lotNumber } ... on Item { id sku } } }`;
  const direct = (client: GqlClient) => gqlClient(stack.subgraphs.supply!.url, client.token);

  it.each([
    ['Location', () => bPharmacy, () => aPharmacy],
    ['Lot', () => bLot, async () => (await sql<{ id: string }>("select id from supply.lot where lot_number = 'PCM-2507'"))[0]!.id],
  ])("%s of B's resolves to null, as a missing one; A's own resolves beside it", async (typename, other, own) => {
    const ownId = await own();
    const result = await direct(aPharmacist).request<{ _entities: ({ id: string } | null)[] }>(ENTITIES, {
      r: [
        { __typename: typename, id: ownId },
        { __typename: typename, id: other() },
        { __typename: typename, id: MISSING },
      ],
    });
    expect(result.data?._entities).toEqual([expect.objectContaining({ id: ownId }), null, null]);
    expect(JSON.stringify(result)).not.toMatch(/Hillside|HIL-/);
    const mine = await direct(bPharmacist).data<{ _entities: { id: string }[] }>(ENTITIES, { r: [{ __typename: typename, id: other() }] });
    expect(mine._entities).toEqual([expect.objectContaining({ id: other() })]);
  });

  it('Item is the network catalogue: it resolves for the staff of every facility', async () => {
    for (const client of [aPharmacist, bPharmacist]) {
      const { _entities } = await direct(client).data<{ _entities: { sku: string }[] }>(ENTITIES, { r: [{ __typename: 'Item', id: itemId }] });
      expect(_entities).toEqual([expect.objectContaining({ sku: 'MED-PARA-500' })]);
    }
  });
});

describe("A's staff cannot act on B's stock, locations, equipment or orders", () => {
  const cases: [string, string, () => Record<string, unknown>][] = [
    [
      'receiveStock',
      'mutation($i: ReceiveStockInput!) { receiveStock(input: $i) { operationId } }',
      () => ({
        i: { itemId, locationId: bPharmacy, lotNumber: 'X-1', expiresOn: inDays(200), quantity: 1, reference: 'x' },
      }),
    ],
    [
      'issueStock',
      'mutation($i: IssueStockInput!) { issueStock(input: $i) { operationId } }',
      () => ({
        i: { locationId: bPharmacy, ward: 'W', lines: [{ itemId, quantity: 1 }] },
      }),
    ],
    [
      'dispensePrescription',
      'mutation($i: DispensePrescriptionInput!) { dispensePrescription(input: $i) { operationId } }',
      () => ({
        i: { prescriptionId: MISSING, locationId: bPharmacy, lines: [{ itemId, quantity: 1 }] },
      }),
    ],
    [
      'transferStock',
      'mutation($i: TransferStockInput!) { transferStock(input: $i) { operationId } }',
      () => ({
        i: { fromLocationId: bPharmacy, toLocationId: aPharmacy, lines: [{ itemId, quantity: 1 }] },
      }),
    ],
    [
      'adjustStock',
      'mutation($i: AdjustStockInput!) { adjustStock(input: $i) { operationId } }',
      () => ({
        i: { lotId: bLot, locationId: bPharmacy, quantityChange: -1, reason: 'count' },
      }),
    ],
    [
      'writeOffStock',
      'mutation($i: WriteOffStockInput!) { writeOffStock(input: $i) { operationId } }',
      () => ({
        i: { lotId: bLot, locationId: bPharmacy, quantity: 1, reason: 'broken' },
      }),
    ],
    [
      'returnStock',
      'mutation($i: ReturnStockInput!) { returnStock(input: $i) { operationId } }',
      () => ({
        i: { lotId: bLot, locationId: bPharmacy, quantity: 1, direction: 'FROM_WARD', ward: 'W', reason: 'unused' },
      }),
    ],
    [
      'createLocation',
      'mutation($i: CreateLocationInput!) { createLocation(input: $i) { id } }',
      () => ({
        i: { facilityId: b.facilityId, code: 'SNEAK', name: 'Sneak', kind: 'STORE' },
      }),
    ],
    ['setExpiryWindow', 'mutation($f: ID!) { setExpiryWindow(facilityId: $f, days: 30) }', () => ({ f: b.facilityId })],
    ['runExpiryCheck', 'mutation($f: ID!) { runExpiryCheck(facilityId: $f) { quantity } }', () => ({ f: b.facilityId })],
    [
      'registerEquipment',
      'mutation($i: RegisterEquipmentInput!) { registerEquipment(input: $i) { id } }',
      () => ({
        i: { itemId: monitor, serialNumber: 'SNEAK-1', locationId: bWard },
      }),
    ],
    [
      'updateEquipment',
      'mutation($i: UpdateEquipmentInput!) { updateEquipment(input: $i) { id } }',
      () => ({
        i: { equipmentId: bEquipment, status: 'RETIRED' },
      }),
    ],
    [
      'logMaintenance',
      'mutation($i: LogMaintenanceInput!) { logMaintenance(input: $i) { id } }',
      () => ({
        i: { equipmentId: bEquipment, performedOn: inDays(0), kind: 'INSPECTION' },
      }),
    ],
    [
      'createPurchaseOrder',
      'mutation($i: CreatePurchaseOrderInput!) { createPurchaseOrder(input: $i) { id } }',
      () => ({
        i: { supplierId, deliverToLocationId: bPharmacy, lines: [{ itemId, quantity: 1 }] },
      }),
    ],
    ['submitPurchaseOrder', 'mutation($id: ID!) { submitPurchaseOrder(id: $id) { id } }', () => ({ id: bOrder })],
    ['cancelPurchaseOrder', 'mutation($id: ID!) { cancelPurchaseOrder(id: $id) { id } }', () => ({ id: bOrder })],
    [
      'receivePurchaseOrder',
      'mutation($i: ReceivePurchaseOrderInput!) { receivePurchaseOrder(input: $i) { operationId } }',
      () => ({
        i: { purchaseOrderId: bOrder, lines: [{ lineId: MISSING, quantity: 1, lotNumber: 'X' }] },
      }),
    ],
    [
      'draftSuggestedPurchaseOrders',
      'mutation($f: ID!, $l: ID!) { draftSuggestedPurchaseOrders(facilityId: $f, deliverToLocationId: $l) { id } }',
      () => ({
        f: b.facilityId,
        l: bPharmacy,
      }),
    ],
  ];

  it.each(cases)('%s: NOT_FOUND, and nothing is written', async (field, mutation, variables) => {
    const before = await written();
    const result = await aPharmacist.request(mutation, variables());
    expect(codeOf(result), JSON.stringify(result.errors)).toBe('NOT_FOUND');
    expect(result.errors[0]?.message).toMatch(/^(Location|Lot|Equipment|Purchase order|Facility) not found$/);
    expect(result.data?.[field] ?? null).toBeNull();
    const after = await written();
    expect(after).toEqual(before);
  });

  it("a lot only B holds is NOT_FOUND at A's own location too; a nurse of A cannot issue from B's ward cabinet", async () => {
    const adjust = await aPharmacist.request('mutation($i: AdjustStockInput!) { adjustStock(input: $i) { operationId } }', {
      i: { lotId: bLot, locationId: aPharmacy, quantityChange: 5, reason: 'found' },
    });
    expect(codeOf(adjust)).toBe('NOT_FOUND');
    const issue = await aNurse.request('mutation($i: IssueStockInput!) { issueStock(input: $i) { operationId } }', {
      i: { locationId: bWard, ward: 'W', lines: [{ itemId, quantity: 1 }] },
    });
    expect(codeOf(issue)).toBe('NOT_FOUND');
    const preview = await aPharmacist.request('query($i: DispensePreviewInput!) { dispensePreview(input: $i) { available } }', {
      i: { locationId: bPharmacy, lines: [{ itemId, quantity: 1 }] },
    });
    expect(codeOf(preview)).toBe('NOT_FOUND');
  });
});

describe('a transfer from A to B', () => {
  it("is A's record where it leaves and B's where it arrives", async () => {
    const { transferStock } = await aPharmacist.data<{ transferStock: { operationId: string; movements: { quantity: number; location: { id: string } }[] } }>(
      'mutation($i: TransferStockInput!) { transferStock(input: $i) { operationId movements { quantity location { id } } } }',
      { i: { fromLocationId: aPharmacy, toLocationId: bPharmacy, reason: 'Sister site short', lines: [{ itemId, quantity: 5 }] } },
    );
    expect(transferStock.movements.map((m) => m.location.id)).toEqual([aPharmacy]);
    const LEDGER = 'query($ref: String!) { stockMovements(filter: { referenceId: $ref }) { nodes { quantity location { id } } } }';
    type Ledger = { stockMovements: { nodes: { quantity: number; location: { id: string } }[] } };
    const sent = await aPharmacist.data<Ledger>(LEDGER, { ref: transferStock.operationId });
    const received = await bPharmacist.data<Ledger>(LEDGER, { ref: transferStock.operationId });
    expect(sent.stockMovements.nodes.map((m) => [m.location.id, m.quantity])).toEqual([[aPharmacy, -5]]);
    expect(received.stockMovements.nodes.map((m) => [m.location.id, m.quantity])).toEqual([[bPharmacy, 5]]);
    expect((await admin.data<Ledger>(LEDGER, { ref: transferStock.operationId })).stockMovements.nodes).toHaveLength(2);
  });
});

describe('live stock updates follow the facility', () => {
  const CHANGED = 'subscription($after: String, $f: ID) { stockChanged(after: $after, facilityId: $f) { quantity location { id } facility { id } } }';
  type Changed = { stockChanged: { quantity: number; location: { id: string }; facility: { id: string } } };
  const issueAt = (client: GqlClient, locationId: string) =>
    client.data('mutation($i: IssueStockInput!) { issueStock(input: $i) { operationId } }', {
      i: { locationId, ward: 'Ward', lines: [{ itemId, quantity: 1 }] },
    });

  it("A's staff receive A's stock changes and never B's; B's staff receive B's", async () => {
    const after = await eventCursor();
    const a = collect<Changed>(connect(aPharmacist), CHANGED, { after });
    const own = collect<Changed>(connect(bPharmacist), CHANGED, { after });
    await issueAt(bPharmacist, bPharmacy);
    await issueAt(aPharmacist, aPharmacy);
    await a.waitFor(1);
    await own.waitFor(1);
    await a.settle();
    expect(a.results.map((r) => r.data?.stockChanged.location.id)).toEqual([aPharmacy]);
    expect(own.results.map((r) => r.data?.stockChanged.location.id)).toEqual([bPharmacy]);
    expect(JSON.stringify(a.results)).not.toContain(b.facilityId);
  });

  it("subscribing to B's facility is refused with NOT_FOUND", async () => {
    const live = collect<Changed>(connect(aPharmacist), CHANGED, { f: b.facilityId });
    await live.settle(300);
    expect(live.results).toEqual([]);
    expect(JSON.stringify(live.failures)).toContain('NOT_FOUND');
  });
});
