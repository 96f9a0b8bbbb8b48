import { codeOf } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { balanceOf, createItem, inDays, receive, type SupplyFixture, snapshot, startSupply } from '../testing/fixtures.ts';

let f: SupplyFixture;
beforeAll(async () => {
  f = await startSupply();
});
afterAll(() => f?.close());

const PO_FIELDS = 'id number status closedAt lines { id item { id } quantityOrdered quantityReceived outstanding }';
type Po = {
  id: string;
  number: string;
  status: string;
  closedAt: string | null;
  lines: { id: string; item: { id: string }; quantityOrdered: number; quantityReceived: number; outstanding: number }[];
};

async function createPo(lines: { itemId: string; quantity: number }[], supplierId = f.supplierId): Promise<Po> {
  const { createPurchaseOrder } = await f.as.pharmacist.data<{ createPurchaseOrder: Po }>(
    `mutation($i: CreatePurchaseOrderInput!) { createPurchaseOrder(input: $i) { ${PO_FIELDS} } }`,
    { i: { supplierId, deliverToLocationId: f.loc.store, lines } },
  );
  return createPurchaseOrder;
}
const transition = (name: 'submitPurchaseOrder' | 'cancelPurchaseOrder', id: string) =>
  f.as.pharmacist.request(`mutation($id: ID!) { ${name}(id: $id) { ${PO_FIELDS} } }`, { id });
const receivePo = (purchaseOrderId: string, lines: { lineId: string; quantity: number; lotNumber: string; expiresOn?: string }[], allowOverReceipt?: boolean) =>
  f.as.pharmacist.request(
    `mutation($i: ReceivePurchaseOrderInput!) { receivePurchaseOrder(input: $i) { purchaseOrder { ${PO_FIELDS} } movements { kind quantity referenceType referenceId lot { id lotNumber expiresOn } } } }`,
    { i: { purchaseOrderId, lines, allowOverReceipt } },
  );

describe('purchase orders', () => {
  it('go draft → ordered → partially received → received, creating lots and receive movements', async () => {
    const a = await createItem(f);
    const b = await createItem(f, { kind: 'CONSUMABLE' });
    const po = await createPo([
      { itemId: a, quantity: 100 },
      { itemId: b, quantity: 50 },
    ]);
    expect(po).toMatchObject({ status: 'DRAFT', number: expect.stringMatching(/^PO-\d+$/) });
    const [lineA, lineB] = [po.lines.find((l) => l.item.id === a)!, po.lines.find((l) => l.item.id === b)!];

    expect(codeOf(await receivePo(po.id, [{ lineId: lineA.id, quantity: 1, lotNumber: 'X', expiresOn: inDays(100) }]))).toBe('INVALID_STATE');
    expect((await transition('submitPurchaseOrder', po.id)).data?.submitPurchaseOrder.status).toBe('ORDERED');
    expect(codeOf(await transition('submitPurchaseOrder', po.id))).toBe('INVALID_STATE');

    const partial = await receivePo(po.id, [
      { lineId: lineA.id, quantity: 60, lotNumber: 'PA-1', expiresOn: inDays(200) },
      { lineId: lineA.id, quantity: 20, lotNumber: 'PA-2', expiresOn: inDays(300) },
    ]);
    expect(partial.errors).toEqual([]);
    const afterPartial = partial.data!.receivePurchaseOrder;
    expect(afterPartial.purchaseOrder.status).toBe('PARTIALLY_RECEIVED');
    expect(afterPartial.purchaseOrder.closedAt).toBeNull();
    expect(afterPartial.purchaseOrder.lines.find((l: Po['lines'][number]) => l.id === lineA.id)).toMatchObject({ quantityReceived: 80, outstanding: 20 });
    expect(afterPartial.movements).toEqual([
      {
        kind: 'RECEIVE',
        quantity: 60,
        referenceType: 'PURCHASE_ORDER_LINE',
        referenceId: lineA.id,
        lot: { id: expect.any(String), lotNumber: 'PA-1', expiresOn: inDays(200) },
      },
      {
        kind: 'RECEIVE',
        quantity: 20,
        referenceType: 'PURCHASE_ORDER_LINE',
        referenceId: lineA.id,
        lot: { id: expect.any(String), lotNumber: 'PA-2', expiresOn: inDays(300) },
      },
    ]);
    expect(await balanceOf(f, a, f.loc.store)).toBe(80);
    const lots = await f.sql<{ lot_number: string; supplier_id: string }>(
      'select lot_number, supplier_id from supply.lot where item_id = $1 order by lot_number',
      [a],
    );
    expect(lots).toEqual([
      { lot_number: 'PA-1', supplier_id: f.supplierId },
      { lot_number: 'PA-2', supplier_id: f.supplierId },
    ]);
    expect(codeOf(await transition('cancelPurchaseOrder', po.id))).toBe('INVALID_STATE');

    const rest = await receivePo(po.id, [
      { lineId: lineA.id, quantity: 20, lotNumber: 'PA-2', expiresOn: inDays(300) },
      { lineId: lineB.id, quantity: 50, lotNumber: 'GB-1' },
    ]);
    expect(rest.errors).toEqual([]);
    expect(rest.data!.receivePurchaseOrder.purchaseOrder).toMatchObject({ status: 'RECEIVED', closedAt: expect.any(String) });
    expect(await f.sql('select 1 from supply.lot where item_id = $1', [a])).toHaveLength(2);
    expect(await balanceOf(f, a, f.loc.store)).toBe(100);
    expect(codeOf(await receivePo(po.id, [{ lineId: lineB.id, quantity: 1, lotNumber: 'GB-1' }], true))).toBe('INVALID_STATE');
  });

  it('receive more than ordered only with an explicit override', async () => {
    const a = await createItem(f);
    const po = await createPo([{ itemId: a, quantity: 10 }]);
    await transition('submitPurchaseOrder', po.id);
    const line = po.lines[0]!;
    const before = await snapshot(f);
    const refused = await receivePo(po.id, [{ lineId: line.id, quantity: 11, lotNumber: 'OV-1', expiresOn: inDays(90) }]);
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors[0]?.extensions).toMatchObject({ reason: 'OVER_RECEIPT', outstanding: 10 });
    expect(await snapshot(f)).toEqual(before);
    const accepted = await receivePo(po.id, [{ lineId: line.id, quantity: 11, lotNumber: 'OV-1', expiresOn: inDays(90) }], true);
    expect(accepted.data?.receivePurchaseOrder.purchaseOrder).toMatchObject({ status: 'RECEIVED', lines: [{ quantityReceived: 11, outstanding: 0 }] });
  });

  it('cancel from draft or ordered only', async () => {
    const a = await createItem(f);
    const draft = await createPo([{ itemId: a, quantity: 5 }]);
    expect((await transition('cancelPurchaseOrder', draft.id)).data?.cancelPurchaseOrder.status).toBe('CANCELLED');
    expect(codeOf(await transition('submitPurchaseOrder', draft.id))).toBe('INVALID_STATE');
    const ordered = await createPo([{ itemId: a, quantity: 5 }]);
    await transition('submitPurchaseOrder', ordered.id);
    expect((await transition('cancelPurchaseOrder', ordered.id)).data?.cancelPurchaseOrder.status).toBe('CANCELLED');
  });

  it('rejects an order listing the same item twice, or with nothing on it', async () => {
    const a = await createItem(f);
    const create = (lines: unknown[]) =>
      f.as.pharmacist.request('mutation($i: CreatePurchaseOrderInput!) { createPurchaseOrder(input: $i) { id } }', {
        i: { supplierId: f.supplierId, deliverToLocationId: f.loc.store, lines },
      });
    expect(codeOf(await create([]))).toBe('BAD_USER_INPUT');
    expect(
      codeOf(
        await create([
          { itemId: a, quantity: 1 },
          { itemId: a, quantity: 2 },
        ]),
      ),
    ).toBe('BAD_USER_INPUT');
  });
});

describe('suggested purchase orders', () => {
  it('group everything at or below its reorder level by preferred supplier, less what is on order', async () => {
    const { createSupplier } = await f.as.pharmacist.data<{ createSupplier: { id: string } }>(
      'mutation($i: CreateSupplierInput!) { createSupplier(input: $i) { id } }',
      { i: { code: 'OTHER', name: 'Other Supplies' } },
    );
    const low = await createItem(f, { reorderLevel: 20, reorderQuantity: 50, preferredSupplierId: f.supplierId });
    const empty = await createItem(f, { reorderLevel: 5, reorderQuantity: 10, preferredSupplierId: createSupplier.id });
    const fine = await createItem(f, { reorderLevel: 5, reorderQuantity: 10, preferredSupplierId: f.supplierId });
    const onOrder = await createItem(f, { reorderLevel: 10, reorderQuantity: 30, preferredSupplierId: f.supplierId });
    const orphan = await createItem(f, { reorderLevel: 1, reorderQuantity: 1 });
    await receive(f, low, f.loc.pharmacy, 'S-1', 15);
    await receive(f, fine, f.loc.pharmacy, 'S-2', 50);
    const po = await createPo([{ itemId: onOrder, quantity: 30 }]);
    await transition('submitPurchaseOrder', po.id);

    const { suggestedPurchaseOrders } = await f.as.doctor.data<{
      suggestedPurchaseOrders: {
        supplier: { id: string } | null;
        lines: { item: { id: string }; onHand: number; onOrder: number; suggestedQuantity: number }[];
      }[];
    }>('query($f: ID!) { suggestedPurchaseOrders(facilityId: $f) { supplier { id } lines { item { id } onHand onOrder suggestedQuantity } } }', {
      f: f.facilityId,
    });
    const bySupplier = (id: string | null) => suggestedPurchaseOrders.find((s) => (s.supplier?.id ?? null) === id)?.lines ?? [];
    const mine = [low, empty, fine, onOrder, orphan];
    expect(bySupplier(f.supplierId).filter((l) => mine.includes(l.item.id))).toEqual([{ item: { id: low }, onHand: 15, onOrder: 0, suggestedQuantity: 50 }]);
    expect(bySupplier(createSupplier.id)).toEqual([{ item: { id: empty }, onHand: 0, onOrder: 0, suggestedQuantity: 10 }]);
    expect(bySupplier(null).filter((l) => mine.includes(l.item.id))).toEqual([{ item: { id: orphan }, onHand: 0, onOrder: 0, suggestedQuantity: 2 }]);

    const { draftSuggestedPurchaseOrders } = await f.as.pharmacist.data<{ draftSuggestedPurchaseOrders: Po[] }>(
      `mutation($f: ID!, $l: ID!) { draftSuggestedPurchaseOrders(facilityId: $f, deliverToLocationId: $l) { ${PO_FIELDS} } }`,
      { f: f.facilityId, l: f.loc.pharmacy },
    );
    expect(draftSuggestedPurchaseOrders.every((p) => p.status === 'DRAFT')).toBe(true);
    const drafted = draftSuggestedPurchaseOrders.flatMap((p) => p.lines.map((l) => [l.item.id, l.quantityOrdered]));
    expect(drafted).toContainEqual([low, 50]);
    expect(drafted).toContainEqual([empty, 10]);
    expect(drafted.map(([id]) => id)).not.toContain(orphan);
  });
});
