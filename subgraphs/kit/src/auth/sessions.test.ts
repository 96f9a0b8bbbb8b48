import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { createTestDatabase, type TestDatabase } from '../testing/database.ts';
import type { Identity } from './identity.ts';
import { assertSessionLive, endSessions, openSession, renewSession, sessionStatus } from './sessions.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.drop());

const accountId = randomUUID();
const person = (sessionId: string | null): Identity => ({
  userId: accountId,
  roles: ['nurse'],
  patientId: null,
  providerId: null,
  facilityIds: [],
  scopes: [],
  sessionId,
});
const open = (idleTimeoutSeconds: number | null = 15 * 60, lifetimeSeconds = 3600) =>
  openSession(t.database.db, { id: randomUUID(), accountId, idleTimeoutSeconds, lifetimeSeconds, userAgent: 'test', ip: '127.0.0.1' });
const refusal = async (identity: Identity) => {
  try {
    await assertSessionLive(t.database.db, identity);
    return null;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return { code: err.code, session: err.extensions.session };
  }
};
const ago = (id: string, column: 'last_used_at' | 'expires_at', minutes: number) =>
  t.database.query(`update auth.session set ${column} = now() - make_interval(mins => $2) where id = $1`, [id, minutes]);

describe('a session as every request checks it', () => {
  it('passes while live; refuses it ended, idle past its timeout or past its lifetime, and an unknown one', async () => {
    const live = await open();
    expect(await refusal(person(live.id))).toBeNull();

    const idle = await open();
    await ago(idle.id, 'last_used_at', 14);
    expect(await refusal(person(idle.id))).toBeNull();
    await ago(idle.id, 'last_used_at', 16);
    expect(await refusal(person(idle.id))).toEqual({ code: 'UNAUTHENTICATED', session: 'idle' });

    const expired = await open();
    await ago(expired.id, 'expires_at', 1);
    expect(await refusal(person(expired.id))).toEqual({ code: 'UNAUTHENTICATED', session: 'expired' });

    const ended = await open();
    await endSessions(t.database.db, { accountId, sessionIds: [ended.id] }, 'sign-out');
    expect(await refusal(person(ended.id))).toEqual({ code: 'UNAUTHENTICATED', session: 'ended' });

    expect(await refusal(person(randomUUID()))).toEqual({ code: 'UNAUTHENTICATED', session: 'unknown' });
  });

  it('lets a token without a session through (services, partners): there is nothing to end', async () => {
    expect(await refusal(person(null))).toBeNull();
  });

  it('a session without an idle limit only ends with its lifetime', async () => {
    const patient = await open(null);
    await ago(patient.id, 'last_used_at', 60 * 24 * 7);
    expect(await refusal(person(patient.id))).toBeNull();
  });

  it('records use at most once a minute, and only when asked (the gateway, for client requests)', async () => {
    const s = await open();
    const lastUsed = async () => (await t.database.query<{ at: string }>('select last_used_at::text as at from auth.session where id = $1', [s.id]))[0]!.at;
    await ago(s.id, 'last_used_at', 5);
    const fiveMinutesAgo = await lastUsed();
    await assertSessionLive(t.database.db, person(s.id));
    expect(await lastUsed()).toBe(fiveMinutesAgo);
    await assertSessionLive(t.database.db, person(s.id), { touch: true });
    const touched = await lastUsed();
    expect(Date.parse(touched)).toBeGreaterThan(Date.parse(fiveMinutesAgo));
    await assertSessionLive(t.database.db, person(s.id), { touch: true });
    expect(await lastUsed()).toBe(touched);
  });
});

describe('ending sessions', () => {
  it('ends the open ones asked for, once, and announces them in one session.ended event', async () => {
    const other = randomUUID();
    const [a, b] = [await open(), await open()];
    const theirs = await openSession(t.database.db, {
      id: randomUUID(),
      accountId: other,
      idleTimeoutSeconds: null,
      lifetimeSeconds: 60,
      userAgent: null,
      ip: null,
    });
    const ended = await endSessions(t.database.db, { accountId }, 'deactivated');
    expect(ended).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(await endSessions(t.database.db, { accountId }, 'deactivated')).toEqual([]);
    expect(await refusal({ ...person(theirs.id), userId: other })).toBeNull();
    const events = await t.database.query<{ payload: { sessionIds: string[]; reason: string } }>(
      "select payload from events.log where topic = 'session.ended' and entity_id = $1 order by id desc limit 1",
      [accountId],
    );
    expect(events[0]?.payload.reason).toBe('deactivated');
    expect(events[0]?.payload.sessionIds.sort()).toEqual([...ended].sort());
  });

  it('a refresh of an ended or idle session is refused; a live one gets the current idle timeout', async () => {
    const s = await open(30 * 60);
    const renewed = await renewSession(t.database.db, s.id, 15 * 60);
    expect(renewed.status).toBe('live');
    expect(renewed.row?.idleTimeoutSeconds).toBe(15 * 60);
    await ago(s.id, 'last_used_at', 20);
    expect((await renewSession(t.database.db, s.id, 15 * 60)).status).toBe('idle');
    expect(sessionStatus(undefined)).toBe('unknown');
  });
});
