import type { Environment } from '@clinigraph/kit';
import { startTestSubgraph, type TestSubgraph } from '@clinigraph/kit/testing';
import { DEMO_PASSWORD, schema } from '@clinigraph/people';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DemoSeedRefused, seedDemo } from './seed.ts';
import { prepareSignIns } from './sign-ins.ts';

/**
 * What the embedded start lets people sign in with. Production: no demo data (the seed refuses), and a
 * first admin whose password is random and printed once, or taken from CLINIGRAPH_ADMIN_PASSWORD.
 */
const LOGIN = 'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }';
const production: Environment = { NODE_ENV: 'production' };

let people: TestSubgraph;
beforeEach(async () => {
  people = await startTestSubgraph('people', schema);
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await people.close();
});
afterAll(() => vi.unstubAllEnvs());

const signIn = async (email: string, password: string) =>
  (await people.client().request<{ login: { accessToken: string } | null }>(LOGIN, { email, password })).data?.login?.accessToken;
const accounts = async () => (await people.database.query<{ n: number }>('select count(*)::int as n from people.account'))[0]!.n;

describe('the embedded start in production', () => {
  it('creates a first admin with a random password it prints once, and no demo accounts', async () => {
    const first = await prepareSignIns(people.database.db, production);
    const password = /password: (\S+)/.exec(first)?.[1];
    expect(first).toContain('First admin: admin@clinigraph.local');
    expect(first).toContain('shown only this once');
    expect(password).toMatch(/^[\w-]{24}$/);
    expect(password).not.toBe(DEMO_PASSWORD);
    expect(await signIn('admin@clinigraph.local', password!)).toBeTruthy();
    expect(await signIn('reception@clinigraph.local', DEMO_PASSWORD)).toBeFalsy();
    expect(await accounts()).toBe(1);

    const again = await prepareSignIns(people.database.db, production);
    expect(again).not.toContain(password!);
    expect(again).toContain('created on an earlier start');
    expect(await accounts()).toBe(1);
  });

  it('takes the first admin password from CLINIGRAPH_ADMIN_PASSWORD and does not print it', async () => {
    const chosen = 'correct horse battery staple';
    const text = await prepareSignIns(people.database.db, { ...production, CLINIGRAPH_ADMIN_PASSWORD: chosen });
    expect(text).not.toContain(chosen);
    expect(await signIn('admin@clinigraph.local', chosen)).toBeTruthy();
  });

  it('refuses the demo seed, writing nothing', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    await expect(seedDemo(people.database.db)).rejects.toBeInstanceOf(DemoSeedRefused);
    await expect(seedDemo(people.database.db)).rejects.toThrow('the demo seed refuses to run with NODE_ENV=production');
    expect(await accounts()).toBe(0);
  });
});
