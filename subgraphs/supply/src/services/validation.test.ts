import { randomUUID } from 'node:crypto';
import { codeOf } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItem, inDays, receive, type SupplyFixture, snapshot, startSupply } from '../testing/fixtures.ts';

let f: SupplyFixture;
let itemId: string;
let otherItemId: string;
let lotId: string;
let otherLotId: string;
beforeAll(async () => {
  f = await startSupply();
  itemId = await createItem(f);
  otherItemId = await createItem(f);
  lotId = await receive(f, itemId, f.loc.pharmacy, 'V-1', 10, inDays(100));
  otherLotId = await receive(f, otherItemId, f.loc.pharmacy, 'W-1', 10, inDays(100));
});
afterAll(() => f?.close());

const M = {
  dispense: 'mutation($i: DispensePrescriptionInput!) { dispensePrescription(input: $i) { operationId } }',
  receive: 'mutation($i: ReceiveStockInput!) { receiveStock(input: $i) { operationId } }',
  issue: 'mutation($i: IssueStockInput!) { issueStock(input: $i) { operationId } }',
  transfer: 'mutation($i: TransferStockInput!) { transferStock(input: $i) { operationId } }',
  adjust: 'mutation($i: AdjustStockInput!) { adjustStock(input: $i) { operationId } }',
  writeOff: 'mutation($i: WriteOffStockInput!) { writeOffStock(input: $i) { operationId } }',
  return: 'mutation($i: ReturnStockInput!) { returnStock(input: $i) { operationId } }',
};

const dispenseInput = (lines: unknown[], extra: Record<string, unknown> = {}) => ({
  prescriptionId: randomUUID(),
  locationId: f.loc.pharmacy,
  lines,
  ...extra,
});
const receiveInput = (extra: Record<string, unknown>) => ({
  itemId,
  locationId: f.loc.pharmacy,
  lotNumber: 'V-NEW',
  quantity: 5,
  expiresOn: inDays(50),
  reference: 'DN',
  ...extra,
});

type Case = [string, keyof typeof M, () => Record<string, unknown>, string];
const cases: Case[] = [
  ['a negative dispense quantity', 'dispense', () => dispenseInput([{ itemId, quantity: -1 }]), 'BAD_USER_INPUT'],
  ['a zero dispense quantity', 'dispense', () => dispenseInput([{ itemId, quantity: 0 }]), 'BAD_USER_INPUT'],
  ['a dispense with no lines', 'dispense', () => dispenseInput([]), 'BAD_USER_INPUT'],
  ['a dispense of an unknown item', 'dispense', () => dispenseInput([{ itemId: randomUUID(), quantity: 1 }]), 'NOT_FOUND'],
  ['a dispense from an unknown location', 'dispense', () => dispenseInput([{ itemId, quantity: 1 }], { locationId: randomUUID() }), 'NOT_FOUND'],
  ['a prescription id that is not an id', 'dispense', () => dispenseInput([{ itemId, quantity: 1 }], { prescriptionId: 'rx-1' }), 'BAD_USER_INPUT'],
  ['a negative receipt', 'receive', () => receiveInput({ quantity: -5 }), 'BAD_USER_INPUT'],
  ['a medicine received without an expiry date', 'receive', () => receiveInput({ expiresOn: null }), 'BAD_USER_INPUT'],
  ['a lot received already expired', 'receive', () => receiveInput({ expiresOn: inDays(-1) }), 'BAD_USER_INPUT'],
  ['a known lot number with another expiry', 'receive', () => receiveInput({ lotNumber: 'V-1', expiresOn: inDays(101) }), 'BAD_USER_INPUT'],
  ['a receipt without a document reference', 'receive', () => receiveInput({ reference: ' ' }), 'BAD_USER_INPUT'],
  ['a negative issue', 'issue', () => ({ locationId: f.loc.pharmacy, ward: 'A', lines: [{ itemId, quantity: -2 }] }), 'BAD_USER_INPUT'],
  ['an issue to nobody', 'issue', () => ({ locationId: f.loc.pharmacy, lines: [{ itemId, quantity: 1 }] }), 'BAD_USER_INPUT'],
  [
    'an issue from an unknown lot',
    'issue',
    () => ({ locationId: f.loc.pharmacy, ward: 'A', lines: [{ itemId, quantity: 1, lotId: randomUUID() }] }),
    'NOT_FOUND',
  ],
  [
    'an issue from a lot of another item',
    'issue',
    () => ({ locationId: f.loc.pharmacy, ward: 'A', lines: [{ itemId, quantity: 1, lotId: otherLotId }] }),
    'BAD_USER_INPUT',
  ],
  [
    'an issue of more than the lot holds',
    'issue',
    () => ({ locationId: f.loc.pharmacy, ward: 'A', lines: [{ itemId, quantity: 11, lotId }] }),
    'INSUFFICIENT_STOCK',
  ],
  [
    'a transfer to the same location',
    'transfer',
    () => ({ fromLocationId: f.loc.pharmacy, toLocationId: f.loc.pharmacy, lines: [{ itemId, quantity: 1 }] }),
    'BAD_USER_INPUT',
  ],
  [
    'a negative transfer',
    'transfer',
    () => ({ fromLocationId: f.loc.pharmacy, toLocationId: f.loc.ward, lines: [{ itemId, quantity: -1 }] }),
    'BAD_USER_INPUT',
  ],
  [
    'a transfer of an unknown lot',
    'transfer',
    () => ({ fromLocationId: f.loc.pharmacy, toLocationId: f.loc.ward, lines: [{ itemId, quantity: 1, lotId: randomUUID() }] }),
    'NOT_FOUND',
  ],
  [
    'a transfer of more than there is',
    'transfer',
    () => ({ fromLocationId: f.loc.pharmacy, toLocationId: f.loc.ward, lines: [{ itemId, quantity: 11 }] }),
    'INSUFFICIENT_STOCK',
  ],
  ['an adjustment of an unknown lot', 'adjust', () => ({ lotId: randomUUID(), locationId: f.loc.pharmacy, quantityChange: -1, reason: 'count' }), 'NOT_FOUND'],
  ['an adjustment of zero', 'adjust', () => ({ lotId, locationId: f.loc.pharmacy, quantityChange: 0, reason: 'count' }), 'BAD_USER_INPUT'],
  ['an adjustment without a reason', 'adjust', () => ({ lotId, locationId: f.loc.pharmacy, quantityChange: -1, reason: '   ' }), 'BAD_USER_INPUT'],
  ['an adjustment below zero', 'adjust', () => ({ lotId, locationId: f.loc.pharmacy, quantityChange: -11, reason: 'count' }), 'INSUFFICIENT_STOCK'],
  ['a write-off of an unknown lot', 'writeOff', () => ({ lotId: randomUUID(), locationId: f.loc.pharmacy, quantity: 1, reason: 'broken' }), 'NOT_FOUND'],
  ['a write-off without a reason', 'writeOff', () => ({ lotId, locationId: f.loc.pharmacy, quantity: 1 }), 'BAD_USER_INPUT'],
  ['a negative write-off', 'writeOff', () => ({ lotId, locationId: f.loc.pharmacy, quantity: -1, reason: 'broken' }), 'BAD_USER_INPUT'],
  [
    'a return from a patient without the patient',
    'return',
    () => ({ lotId, locationId: f.loc.pharmacy, quantity: 1, direction: 'FROM_PATIENT', reason: 'unused' }),
    'BAD_USER_INPUT',
  ],
  [
    'a negative return',
    'return',
    () => ({ lotId, locationId: f.loc.pharmacy, quantity: -1, direction: 'FROM_WARD', ward: 'A', reason: 'unused' }),
    'BAD_USER_INPUT',
  ],
];

describe('bad inputs get typed errors and change nothing', () => {
  it.each(cases)('%s', async (_name, mutation, input, code) => {
    const before = await snapshot(f);
    const result = await f.as.pharmacist.request(M[mutation], { i: input() });
    expect(codeOf(result)).toBe(code);
    expect(result.data).toBeNull();
    expect(await snapshot(f)).toEqual(before);
  });

  it.each([
    ['no expiry for a medicine', { expiresOn: null }, 'is required for medicines'],
    ['an expiry already passed', { expiresOn: inDays(-1) }, 'has passed: expired stock cannot be received'],
    ['another expiry for a known lot', { lotNumber: 'V-1', expiresOn: inDays(101) }, `must match this lot's recorded expiry (${inDays(100)})`],
  ])('a receipt with %s marks the expiry field', async (_name, extra, message) => {
    const result = await f.as.pharmacist.request(M.receive, { i: receiveInput(extra) });
    expect(result.errors[0]?.extensions?.issues).toEqual([{ path: 'expiresOn', message }]);
  });

  it('a valid request after all that still works', async () => {
    const result = await f.as.pharmacist.request(M.transfer, {
      i: { fromLocationId: f.loc.pharmacy, toLocationId: f.loc.ward, lines: [{ itemId, quantity: 10 }] },
    });
    expect(result.errors).toEqual([]);
  });
});
