import { createHash, randomBytes, scryptSync } from 'node:crypto';
import { DEMO_PASSWORD } from '@clinigraph/people';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../src/server.ts';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';

/**
 * Sign-in under concurrency: guesses are counted exactly however many arrive at once, a burst of
 * sign-ins queues in the bounded hashing pool instead of stalling everyone, and the sign-in limit holds
 * for persisted queries too.
 */
let stack: TestStack;
let gateway: RunningGateway;
beforeAll(async () => {
  stack = await startTestStack();
  // Behind a trusted proxy, so each test can sign in from addresses of its own (X-Forwarded-For).
  gateway = await stack.extraGateway({ trustProxy: 'loopback', subgraphTimeoutMs: 60_000 });
});
afterAll(() => stack?.stop());

const LOGIN = 'mutation L($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }';

async function signIn(email: string, password: string, ip: string, url = gateway.url) {
  const started = performance.now();
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({ query: LOGIN, variables: { email, password } }),
  });
  const body = (await res.json()) as { data?: { login?: { accessToken: string } | null } | null; errors?: { extensions?: { code?: string } }[] };
  return { ms: performance.now() - started, code: body.errors?.[0]?.extensions?.code ?? (body.data?.login?.accessToken ? 'OK' : null) };
}

const tally = (codes: (string | null)[]) => Object.fromEntries([...new Set(codes)].map((c) => [c, codes.filter((x) => x === c).length]));
const failuresFor = async (sqlText: string, params: unknown[]) => Number((await stack.db.database.query<{ n: string | number }>(sqlText, params))[0]?.n ?? 0);

describe('failed guesses are counted exactly under concurrency', () => {
  it('checks exactly 5 of 10 concurrent guesses at one e-mail from one address, and refuses the rest', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => signIn('nurse@clinigraph.local', `guess ${i}`, '198.51.100.10')));
    expect(tally(results.map((r) => r.code))).toEqual({ UNAUTHENTICATED: 5, TOO_MANY_REQUESTS: 5 });
    expect(await failuresFor("select count(*) n from people.login_failure where email_key = 'nurse@clinigraph.local'", [])).toBe(5);
  });

  it('checks exactly 30 of 33 concurrent guesses from one address at many e-mails', async () => {
    const results = await Promise.all(Array.from({ length: 33 }, (_, i) => signIn(`nobody${i}@example.com`, 'a guess', '198.51.100.11')));
    expect(tally(results.map((r) => r.code))).toEqual({ UNAUTHENTICATED: 30, TOO_MANY_REQUESTS: 3 });
    expect(await failuresFor("select count(*) n from people.login_failure where ip = '198.51.100.11'", [])).toBe(30);
  });

  it('does not hold up the real user signing in from elsewhere while their e-mail is being guessed', async () => {
    const email = 'lab@clinigraph.local';
    await Promise.all(Array.from({ length: 8 }, (_, i) => signIn(email, `guess ${i}`, '198.51.100.12')));
    expect((await signIn(email, 'another guess', '198.51.100.12')).code).toBe('TOO_MANY_REQUESTS');
    expect((await signIn(email, DEMO_PASSWORD, '203.0.113.50')).code).toBe('OK');
  });
});

/** A stored hash as people/src/auth/password.ts writes it, at a cost closer to production's than the tests' default. */
function costlyHash(password: string, N: number): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 32, { N, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });
  return ['scrypt', N, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
}

describe('a burst of sign-ins', () => {
  /** The doctor's sign-in from another address while 20 sign-ins at the receptionist's account are in flight. */
  // Each sign-in of the burst from an address of its own: one address may have only 5 sign-ins at one account in flight.
  async function doctorDuringBurst(network: string) {
    const burst = Array.from({ length: 20 }, (_, i) => signIn('reception@clinigraph.local', DEMO_PASSWORD, `${network}.${i + 1}`));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const doctor = await signIn('dr.okafor@clinigraph.local', DEMO_PASSWORD, '203.0.113.60');
    const others = await Promise.all(burst);
    // The burst queued rather than failed: every one of them signed in.
    expect(tally(others.map((r) => r.code))).toEqual({ OK: 20 });
    expect(doctor.code).toBe('OK');
    return doctor.ms;
  }

  it('adds under 2 s of password hashing to another person’s sign-in while 20 concurrent sign-ins hash', async () => {
    // The same burst with the tests' cheap hashes: what the rest of 20 sign-ins (HTTP, SQL, tokens) costs on this machine.
    const withoutHashing = await doctorDuringBurst('10.20.1');
    // 2^14 costs each hash a noticeable fraction of a second; unbounded, 20 of them keep every other sign-in waiting for all.
    const hash = costlyHash(DEMO_PASSWORD, 2 ** 14);
    await stack.db.database.query("update people.account set password_hash = $1 where email in ('reception@clinigraph.local', 'dr.okafor@clinigraph.local')", [
      hash,
    ]);
    const withHashing = await doctorDuringBurst('10.20.2');
    console.info(`doctor's sign-in during a burst of 20: ${Math.round(withoutHashing)} ms with cheap hashes, ${Math.round(withHashing)} ms with costly ones`);
    expect(withHashing - withoutHashing).toBeLessThan(2000);
  });
});

describe('the sign-in limit and persisted queries', () => {
  const hashOf = (query: string) => createHash('sha256').update(query).digest('hex');

  it('refuses a hash-only (persisted) sign-in, so every sign-in carries its text and is counted', async () => {
    const limited = await stack.extraGateway({ rateLimits: { auth: 2 } });
    const send = (body: Record<string, unknown>) =>
      fetch(`${limited.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(async (res) => ({
        status: res.status,
        body: (await res.json()) as { errors?: { extensions?: { code?: string } }[] },
      }));
    const variables = { email: 'billing@clinigraph.local', password: 'not it' };
    const persistedQuery = { version: 1, sha256Hash: hashOf(LOGIN) };
    const withText = await send({ query: LOGIN, variables, extensions: { persistedQuery } });
    expect(withText.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 5; i++) codes.push((await send({ variables, extensions: { persistedQuery } })).body.errors?.[0]?.extensions?.code);
    expect(new Set(codes)).toEqual(new Set(['PERSISTED_QUERY_NOT_SUPPORTED']));
    // No password was checked through them, and they did not use up the limit: the next sign-in with text is the second, checked.
    expect(await failuresFor("select count(*) n from people.login_failure where email_key = 'billing@clinigraph.local'", [])).toBe(0);
    expect((await send({ query: LOGIN, variables })).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await send({ query: LOGIN, variables })).body.errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
  });
});
