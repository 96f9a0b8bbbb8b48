import { tokenFor } from '@clinigraph/kit/testing';
import { DEMO_PASSWORD } from '@clinigraph/people';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

const LOGIN = `mutation { login(email: "reception@clinigraph.local", password: "${DEMO_PASSWORD}") { accessToken } }`;

/** Posts straight to a gateway, so status, headers and body are all visible. */
async function send(baseUrl: string, query: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { data?: Record<string, unknown> | null; errors?: { message: string; extensions: Record<string, unknown> }[] };
  return { status: res.status, headers: res.headers, body, code: body.errors?.[0]?.extensions.code ?? null };
}

const times = async <T>(n: number, fn: () => Promise<T>): Promise<T[]> => {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(await fn());
  return out;
};

describe('rate limits', () => {
  it('limits sign-in operations per IP much sooner than other requests', async () => {
    const gateway = await stack.extraGateway({ rateLimits: { auth: 3, perIp: 100 } });
    const allowed = await times(3, () => send(gateway.url, LOGIN));
    expect(allowed.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(allowed.every((r) => typeof (r.body.data?.login as { accessToken?: string })?.accessToken === 'string')).toBe(true);

    const refused = await send(gateway.url, LOGIN);
    expect(refused.status).toBe(429);
    expect(refused.code).toBe('TOO_MANY_REQUESTS');
    expect(refused.body.errors?.[0]?.extensions.retryAfterSeconds).toBe(60);
    expect(refused.headers.get('retry-after')).toBe('60');
    expect(refused.body.data).toBeUndefined();

    expect((await send(gateway.url, '{ __typename }')).status).toBe(200);
  });

  it('refuses several sign-in fields in one request, aliases included', async () => {
    const gateway = await stack.extraGateway();
    const twice = `mutation { a: ${LOGIN.slice('mutation { '.length, -2)} b: ${LOGIN.slice('mutation { '.length, -2)} }`;
    const result = await send(gateway.url, twice);
    expect(result.status).toBe(400);
    expect(result.code).toBe('BAD_REQUEST');
  });

  it('limits each signed-in user separately', async () => {
    const gateway = await stack.extraGateway({ rateLimits: { perUser: 4, perIp: 100 } });
    const alice = { authorization: `Bearer ${await tokenFor({ userId: '00000000-0000-4000-8000-00000000000a', roles: ['doctor'] })}` };
    const bob = { authorization: `Bearer ${await tokenFor({ userId: '00000000-0000-4000-8000-00000000000b', roles: ['doctor'] })}` };
    expect((await times(4, () => send(gateway.url, '{ __typename }', alice))).map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const refused = await send(gateway.url, '{ __typename }', alice);
    expect([refused.status, refused.code]).toEqual([429, 'TOO_MANY_REQUESTS']);
    expect((await send(gateway.url, '{ __typename }', bob)).status).toBe(200);
    expect((await send(gateway.url, '{ __typename }')).status).toBe(200);
  });

  it('limits each client IP, read from X-Forwarded-For only behind a trusted proxy', async () => {
    const gateway = await stack.extraGateway({ rateLimits: { perIp: 2 }, trustProxy: 'loopback' });
    const first = { 'x-forwarded-for': '203.0.113.7' };
    const second = { 'x-forwarded-for': '203.0.113.8' };
    expect((await times(2, () => send(gateway.url, '{ __typename }', first))).map((r) => r.status)).toEqual([200, 200]);
    expect((await send(gateway.url, '{ __typename }', first)).status).toBe(429);
    expect((await send(gateway.url, '{ __typename }', second)).status).toBe(200);

    const direct = await stack.extraGateway({ rateLimits: { perIp: 2 } });
    await times(2, () => send(direct.url, '{ __typename }', first));
    expect((await send(direct.url, '{ __typename }', second)).status).toBe(429);
  });
});
