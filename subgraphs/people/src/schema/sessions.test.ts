import { codeOf } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceOf } from '../services/session-list.ts';
import { type PeopleTestSubgraph, startPeopleSubgraph, tracked } from '../testing.ts';

let people: PeopleTestSubgraph;
beforeAll(async () => {
  people = await startPeopleSubgraph();
});
afterAll(() => people?.close());

const SET_IDLE = 'mutation($id: ID!, $minutes: Int!) { setFacilitySessionPolicy(facilityId: $id, idleTimeoutMinutes: $minutes) { id sessionIdleMinutes } }';
const MY_SESSIONS = '{ mySessions { id idleTimeoutMinutes expiresAt createdAt current } }';
const HOUR = 3600 * 1000;

type SessionItem = { id: string; idleTimeoutMinutes: number | null; expiresAt: string; createdAt: string; current: boolean };
const sessionsOf = async (who: Parameters<PeopleTestSubgraph['as']>[0]) =>
  (await (await people.as(who)).data<{ mySessions: SessionItem[] }>(MY_SESSIONS)).mySessions;

describe('the idle timeout, a facility setting', () => {
  it('an admin sets it (15–60 minutes); staff of the facility get it from their next sign-in or refresh', async () => {
    const admin = await people.as('admin');
    expect(await admin.data(SET_IDLE, { id: people.seed.facilityId, minutes: 20 })).toEqual({
      setFacilitySessionPolicy: { id: people.seed.facilityId, sessionIdleMinutes: 20 },
    });
    const [nurse] = await sessionsOf('nurse');
    expect(nurse).toMatchObject({ idleTimeoutMinutes: 20, current: true });
    // A staff session lasts 12 hours at most however active it is.
    expect(Date.parse(nurse!.expiresAt) - Date.parse(nurse!.createdAt)).toBe(12 * HOUR);
    const audit = await people.database.query<{ detail: unknown }>("select detail from audit.event where entity_type = 'Facility' and action = 'update'");
    expect(audit.at(-1)?.detail).toEqual({ sessionIdleMinutes: 20, previous: 30 });
  });

  it('patients have no idle timeout; their session ends after 30 days', async () => {
    const [maria] = await sessionsOf('maria');
    expect(maria?.idleTimeoutMinutes).toBeNull();
    expect(Date.parse(maria!.expiresAt) - Date.parse(maria!.createdAt)).toBe(30 * 24 * HOUR);
  });

  it('is refused outside 15–60 minutes (BAD_USER_INPUT) and to anyone without facility.manage (FORBIDDEN), writing nothing', async () => {
    const admin = await people.as('admin');
    const nurse = await people.as('nurse');
    for (const [client, minutes, code] of [
      [admin, 14, 'BAD_USER_INPUT'],
      [admin, 61, 'BAD_USER_INPUT'],
      [nurse, 30, 'FORBIDDEN'],
    ] as const) {
      const { result, changed } = await tracked(people.database, () => client.request(SET_IDLE, { id: people.seed.facilityId, minutes }));
      expect(codeOf(result), `${minutes} minutes`).toBe(code);
      expect(changed).toEqual([]);
    }
    expect(codeOf(await admin.request(SET_IDLE, { id: '00000000-0000-4000-8000-000000000000', minutes: 30 }))).toBe('NOT_FOUND');
  });
});

describe('the device a session shows', () => {
  it('names the browser and system from the User-Agent, and says when it cannot', () => {
    expect(deviceOf('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36')).toBe(
      'Chrome on Windows',
    );
    expect(deviceOf('Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0')).toBe('Firefox on Linux');
    expect(deviceOf(null)).toBe('Unknown device');
    expect(deviceOf('')).toBe('Unknown device');
  });
});
