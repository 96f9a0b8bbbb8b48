import { randomUUID } from 'node:crypto';
import { createJobRunner, emitEvent, type FacilityChangedPayload, jobRuns, startEventConsumers, Topics } from '@clinigraph/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supplyConsumers } from './consumers.ts';
import { supplyJobs } from './jobs.ts';
import { addDays } from './services/inputs.ts';
import { createItem, eventsOf, inDays, receive, type SupplyFixture, startSupply, today } from './testing/fixtures.ts';

let f: SupplyFixture;
/** A second facility, with one location, to compare local days with. */
let berlin: { facilityId: string; locationId: string };
beforeAll(async () => {
  f = await startSupply();
  const facilityId = randomUUID();
  const { createLocation } = await f.as.networkAdmin.data<{ createLocation: { id: string } }>(
    'mutation($i: CreateLocationInput!) { createLocation(input: $i) { id } }',
    { i: { facilityId, code: 'PH-B', name: 'Berlin pharmacy', kind: 'PHARMACY' } },
  );
  berlin = { facilityId, locationId: createLocation.id };
});
afterAll(() => f?.close());

/** What people emits when an admin creates a facility or changes its zone; supply's consumer keeps the zone. */
async function announceFacility(facilityId: string, timezone: string) {
  const payload: FacilityChangedPayload = { timezone };
  await f.sg.database.db.transaction((tx) =>
    emitEvent(tx, { topic: Topics.facilityChanged, entityType: 'Facility', entityId: facilityId, facilityId, payload: { ...payload } }),
  );
  const consumers = await startEventConsumers('supply', f.sg.database, supplyConsumers, { pollMs: 60_000 });
  await consumers.drain();
  await consumers.stop();
}

/** Lot numbers alerted as stock.expiring, per facility, in order. */
async function alerted(): Promise<Record<string, string[]>> {
  const byFacility: Record<string, string[]> = {};
  for (const e of await eventsOf(f, Topics.stockExpiring)) byFacility[e.facility_id!] = [...(byFacility[e.facility_id!] ?? []), e.payload.lotNumber];
  return byFacility;
}

const day = today();
const at = (date: string, utcTime: string) => new Date(`${date}T${utcTime}Z`);

describe('the daily expiry check', () => {
  it('emits stock.expiring once per facility per local day, from 06:00 in each facility zone', async () => {
    await announceFacility(f.facilityId, 'Pacific/Auckland');
    await announceFacility(berlin.facilityId, 'Europe/Berlin');
    const itemId = await createItem(f);
    await receive(f, itemId, f.loc.pharmacy, 'AKL-1', 5, inDays(20));
    await receive(f, itemId, berlin.locationId, 'BER-1', 5, inDays(20), f.as.networkAdmin);
    const runner = createJobRunner('supply', f.sg.database, supplyJobs);

    // 00:00Z: midday in Auckland (UTC+12/13), 01:00 or 02:00 in Berlin: only Auckland's day is due.
    await runner.runDue(at(day, '00:00:00'));
    expect(await alerted()).toEqual({ [f.facilityId]: ['AKL-1'] });

    // 06:00Z: 07:00 or 08:00 in Berlin; Auckland has had its check today.
    await runner.runDue(at(day, '06:00:00'));
    expect(await alerted()).toEqual({ [f.facilityId]: ['AKL-1'], [berlin.facilityId]: ['BER-1'] });

    // New stock inside the window waits for the next local day, however many replicas tick meanwhile.
    await receive(f, itemId, f.loc.pharmacy, 'AKL-2', 5, inDays(25));
    await receive(f, itemId, berlin.locationId, 'BER-2', 5, inDays(25), f.as.networkAdmin);
    const replicas = Array.from({ length: 20 }, () => createJobRunner('supply', f.sg.database, supplyJobs));
    await Promise.all(replicas.map((r) => r.runDue(at(day, '10:00:00'))));
    expect(await alerted()).toEqual({ [f.facilityId]: ['AKL-1'], [berlin.facilityId]: ['BER-1'] });

    const tomorrow = addDays(day, 1);
    await Promise.all(replicas.map((r) => r.runDue(at(tomorrow, '00:00:00'))));
    expect(await alerted()).toEqual({ [f.facilityId]: ['AKL-1', 'AKL-2'], [berlin.facilityId]: ['BER-1'] });
    await Promise.all(replicas.map((r) => r.runDue(at(tomorrow, '06:00:00'))));
    expect(await alerted()).toEqual({ [f.facilityId]: ['AKL-1', 'AKL-2'], [berlin.facilityId]: ['BER-1', 'BER-2'] });

    const runs = (await jobRuns(f.sg.database, 'supply.expiry-check')).map(({ scope, period }) => ({ scope, period }));
    expect(runs.sort((a, b) => a.period.localeCompare(b.period) || a.scope.localeCompare(b.scope))).toEqual(
      [
        { scope: f.facilityId, period: day },
        { scope: berlin.facilityId, period: day },
        { scope: f.facilityId, period: tomorrow },
        { scope: berlin.facilityId, period: tomorrow },
      ].sort((a, b) => a.period.localeCompare(b.period) || a.scope.localeCompare(b.scope)),
    );
  });

  it('follows a facility that moves to another zone', async () => {
    await announceFacility(berlin.facilityId, 'America/Los_Angeles');
    const runner = createJobRunner('supply', f.sg.database, supplyJobs);
    const later = addDays(day, 2);
    const berlinRuns = async (now: Date) => (await runner.runDue(now)).filter((r) => r.scope === berlin.facilityId).map((r) => r.period);
    // 06:00Z would be Berlin's morning; in Los Angeles (UTC-8/-7) it is the evening before, whose check ran.
    expect(await berlinRuns(at(later, '06:00:00'))).toEqual([]);
    expect(await berlinRuns(at(later, '12:00:00'))).toEqual([]);
    expect(await berlinRuns(at(later, '15:00:00'))).toEqual([later]);
  });
});
