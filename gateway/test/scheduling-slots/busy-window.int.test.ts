import { randomUUID } from 'node:crypto';
import type { GqlClient } from '@clinigraph/kit/testing';
import { addDays, localDate, localInstant } from '@clinigraph/scheduling/domain/time';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';
import { BOOK, networkWide, openClinic } from '../scheduling-booking/fixtures.ts';

const NY = 'America/New_York';
const FIRST = `query F($input: SlotSearchInput!) { firstAvailableSlots(input: $input) { startsAt provider { id } } }`;
const SLOTS = `query S($input: SlotSearchInput!) { slots(input: $input, first: 4) { edges { node { startsAt } } } }`;

let stack: TestStack;
let admin: GqlClient;
let reception: GqlClient;

beforeAll(async () => {
  stack = await startTestStack();
  admin = await stack.as('admin');
  reception = await networkWide(stack, 'receptionist');
});
afterAll(() => stack?.stop());

describe('busy time read within the searched window', () => {
  it("counts a booking from the day before whose buffer runs past midnight, and ignores the provider's older history", async () => {
    const provider = randomUUID();
    const clinic = await openClinic(admin, { providerIds: [provider], bufferAfterMinutes: 60 });
    const day = addDays(localDate(Date.now(), NY), 5);
    const at = (date: string, minutes: number) => new Date(localInstant(date, minutes, NY)).toISOString();
    const book = (startsAt: string) =>
      reception.data(BOOK, { input: { patientId: randomUUID(), providerId: provider, facilityId: clinic.facilityId, typeId: clinic.typeId, startsAt } });
    // Older history that ends long before the window, then 23:30–00:00 the night before, busy until 01:00.
    for (const daysBefore of [3, 2]) await book(at(addDays(day, -daysBefore), 10 * 60));
    await book(at(addDays(day, -1), 23 * 60 + 30));

    const { slots } = await reception.data<{ slots: { edges: { node: { startsAt: string } }[] } }>(SLOTS, {
      input: { typeId: clinic.typeId, facilityId: clinic.facilityId, providerIds: [provider], from: day, to: day },
    });
    // 00:00 and 00:30 (with its own hour of buffer) overlap the busy time; 01:00 is the first free slot.
    expect(slots.edges.map((e) => e.node.startsAt)).toEqual([60, 90, 120, 150].map((m) => at(day, m)));
    const { firstAvailableSlots } = await reception.data<{ firstAvailableSlots: { startsAt: string }[] }>(FIRST, {
      input: { typeId: clinic.typeId, facilityId: clinic.facilityId, from: day },
    });
    expect(firstAvailableSlots.map((s) => s.startsAt)).toEqual([at(day, 60)]);
  });
});
