import { jobRuns, Topics } from '@clinigraph/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
  // supply learns the demo facility's zone from people's facility.changed.
  await stack.consumers.drain();
});
afterAll(() => stack?.stop());

const query = <T>(sqlText: string, params: unknown[] = []) => stack.db.database.query<T>(sqlText, params);
const expiryAlerts = async (facilityId: string) =>
  (
    await query<{ lot: string }>("select payload->>'lotNumber' as lot from events.log where topic = $1 and facility_id = $2 order by id", [
      Topics.stockExpiring,
      facilityId,
    ])
  ).map((r) => r.lot);
const today = new Date().toISOString().slice(0, 10);

describe('scheduled jobs in the whole clinic', () => {
  it("run supply's expiry check once per facility and local day, with the zone people gave the facility", async () => {
    const facilityId = stack.seed.facilityId;
    // 15:00Z is 10:00 or 11:00 in New York, the demo clinic's zone: today's 06:00 check is due.
    const now = new Date(`${today}T15:00:00Z`);
    const first = await stack.jobs.runDue(now);
    // The demo's other site (Northgate, in the same zone) has its own check; this test follows Riverside's.
    expect(first.filter((r) => r.job === 'supply.expiry-check' && r.scope === facilityId)).toEqual([
      expect.objectContaining({ scope: facilityId, period: today, ok: true }),
    ]);
    expect(first.map((r) => r.job)).toEqual(expect.arrayContaining(['scheduling.reminders', 'scheduling.waitlist-expiry']));
    // The demo stock has two lots inside the 90-day window.
    expect(await expiryAlerts(facilityId)).toEqual(['AMX-2401', 'PCM-2410']);

    const again = await Promise.all(Array.from({ length: 5 }, () => stack.jobs.runDue(new Date(now.getTime() + 60_000))));
    expect(again.flat().filter((r) => r.job === 'supply.expiry-check')).toEqual([]);
    expect(await expiryAlerts(facilityId)).toEqual(['AMX-2401', 'PCM-2410']);

    // A facility an admin opens in Tokyo gets its own check on its own local day.
    const admin = await stack.as('admin');
    const { createFacility } = await admin.data<{ createFacility: { id: string } }>(
      'mutation($input: CreateFacilityInput!) { createFacility(input: $input) { id } }',
      { input: { code: 'TKY', name: 'Tokyo Clinic', timezone: 'Asia/Tokyo' } },
    );
    await stack.consumers.drain();
    // 22:00Z is 07:00 the next day in Tokyo and still today's afternoon in New York.
    const tokyoMorning = await stack.jobs.runDue(new Date(`${today}T22:00:00Z`));
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(tokyoMorning.filter((r) => r.job === 'supply.expiry-check')).toEqual([
      expect.objectContaining({ scope: createFacility.id, period: tomorrow, ok: true }),
    ]);
    // pg-boss's record of the runs: one per facility and local day, each completed at its first attempt.
    const runs = await jobRuns(stack.db.database, 'supply.expiry-check');
    expect(runs.filter((r) => r.scope === facilityId || r.scope === createFacility.id)).toEqual([
      expect.objectContaining({ scope: facilityId, period: today, state: 'completed', attempts: 1 }),
      expect.objectContaining({ scope: createFacility.id, period: tomorrow, state: 'completed', attempts: 1 }),
    ]);
  });
});
