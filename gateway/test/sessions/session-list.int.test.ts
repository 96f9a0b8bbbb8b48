import { codeOf, type GqlClient } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';
import { FIREFOX_LINUX, LOGIN, ME, MY_SESSIONS, newNurse, PASSWORD, SAFARI_IPHONE, signIn } from './fixtures.ts';

let stack: TestStack;
let admin: GqlClient;
beforeAll(async () => {
  stack = await startTestStack();
  admin = await stack.as('admin');
});
afterAll(() => stack?.stop());

interface SessionItem {
  id: string;
  device: string;
  current: boolean;
  createdAt: string;
  lastUsedAt: string;
}

const END = 'mutation($id: ID!) { endSession(id: $id) }';
const ACCOUNT_SESSIONS = 'query($id: ID!) { accountSessions(accountId: $id) { id device } }';
const END_ALL = 'mutation($id: ID!) { endAccountSessions(accountId: $id) }';
const MY_SIGN_INS = '{ mySignIns { at outcome ip } }';

describe('a person’s sessions', () => {
  it('lists each signed-in device, newest first, and the caller ends another one: its token stops working at once', async () => {
    const nurse = await newNurse(stack, admin);
    const laptop = await signIn(stack, nurse.email, { userAgent: FIREFOX_LINUX });
    const phone = await signIn(stack, nurse.email, { userAgent: SAFARI_IPHONE });

    const { mySessions } = await laptop.client.data<{ mySessions: SessionItem[] }>(MY_SESSIONS);
    expect(mySessions.map(({ device, current }) => ({ device, current }))).toEqual([
      { device: 'Safari on iOS', current: false },
      { device: 'Firefox on Linux', current: true },
    ]);
    expect(Date.parse(mySessions[0]!.createdAt)).toBeGreaterThanOrEqual(Date.parse(mySessions[1]!.createdAt));

    expect(await laptop.client.data(END, { id: mySessions[0]!.id })).toEqual({ endSession: true });
    expect(codeOf(await phone.client.request(ME))).toBe('UNAUTHENTICATED');
    expect((await laptop.client.data<{ mySessions: SessionItem[] }>(MY_SESSIONS)).mySessions.map((s) => s.device)).toEqual(['Firefox on Linux']);
    // Ending it again changes nothing.
    expect(await laptop.client.data(END, { id: mySessions[0]!.id })).toEqual({ endSession: false });
  });

  it('someone else’s session is NOT_FOUND, exactly as a missing one, and is left alone', async () => {
    const [a, b] = [await newNurse(stack, admin), await newNurse(stack, admin)];
    const mine = await signIn(stack, a.email);
    const theirs = await signIn(stack, b.email);
    const { mySessions } = await theirs.client.data<{ mySessions: SessionItem[] }>(MY_SESSIONS);
    expect(codeOf(await mine.client.request(END, { id: mySessions[0]!.id }))).toBe('NOT_FOUND');
    expect(codeOf(await mine.client.request(END, { id: '00000000-0000-4000-8000-000000000000' }))).toBe('NOT_FOUND');
    expect(codeOf(await theirs.client.request(ME))).toBeNull();
    expect(codeOf(await stack.anonymous.request(MY_SESSIONS))).toBe('UNAUTHENTICATED');
  });
});

describe('an admin and a user’s sessions', () => {
  it('lists them and ends them all; everyone else is FORBIDDEN', async () => {
    const nurse = await newNurse(stack, admin);
    const one = await signIn(stack, nurse.email);
    const two = await signIn(stack, nurse.email, { userAgent: SAFARI_IPHONE });

    const { accountSessions } = await admin.data<{ accountSessions: { id: string; device: string }[] }>(ACCOUNT_SESSIONS, { id: nurse.id });
    expect(accountSessions.map((s) => s.device).sort()).toEqual(['Firefox on Linux', 'Safari on iOS']);
    expect(codeOf(await one.client.request(ACCOUNT_SESSIONS, { id: nurse.id }))).toBe('FORBIDDEN');
    expect(codeOf(await one.client.request(END_ALL, { id: nurse.id }))).toBe('FORBIDDEN');
    expect(codeOf(await two.client.request(ME))).toBeNull();

    expect(await admin.data(END_ALL, { id: nurse.id })).toEqual({ endAccountSessions: 2 });
    for (const s of [one, two]) expect(codeOf(await s.client.request(ME))).toBe('UNAUTHENTICATED');
    const [audit] = await stack.db.database.query<{ detail: unknown }>("select detail from audit.event where action = 'session_end' and entity_id = $1", [
      nurse.id,
    ]);
    expect(audit?.detail).toEqual({ sessions: 2, byAdmin: true });
  });
});

describe('login activity', () => {
  it('failed and successful sign-ins and the lockout are in the audit trail by account id, never by e-mail, and the user sees their own', async () => {
    const nurse = await newNurse(stack, admin);
    for (let i = 0; i < 5; i++)
      expect(codeOf(await stack.anonymous.request(LOGIN, { email: nurse.email, password: `wrong guess ${i}` }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await stack.anonymous.request(LOGIN, { email: nurse.email, password: PASSWORD }))).toBe('TOO_MANY_REQUESTS');
    await stack.db.database.query('delete from people.login_failure');

    const session = await signIn(stack, nurse.email);
    const { mySignIns } = await session.client.data<{ mySignIns: { outcome: string; ip: string | null }[] }>(MY_SIGN_INS);
    expect(mySignIns.map((s) => s.outcome)).toEqual(['SUCCEEDED', 'LOCKED_OUT', 'FAILED', 'FAILED', 'FAILED', 'FAILED', 'FAILED']);
    expect(mySignIns.every((s) => s.ip)).toBe(true);

    const rows = await stack.db.database.query<Record<string, unknown>>("select * from audit.event where action like 'login%' and entity_id = $1", [nurse.id]);
    expect(rows).toHaveLength(7);
    expect(JSON.stringify(rows)).not.toContain(nurse.email);
    expect(JSON.stringify(rows)).not.toContain('wrong guess');

    // An unknown e-mail is recorded too, without the address typed.
    await stack.anonymous.request(LOGIN, { email: 'nobody-here@clinigraph.test', password: 'whatever it is' });
    const unknown = await stack.db.database.query<Record<string, unknown>>(
      "select entity_id, detail from audit.event where action = 'login_failed' and entity_id is null order by id desc limit 1",
    );
    expect(unknown).toEqual([{ entity_id: null, detail: { reason: 'unknown e-mail' } }]);

    // Another user sees only their own.
    const other = await signIn(stack, (await newNurse(stack, admin)).email);
    expect((await other.client.data<{ mySignIns: unknown[] }>(MY_SIGN_INS)).mySignIns).toHaveLength(1);
  });
});
