import { get } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { committedSupergraph } from '../compose/compose.ts';
import { type GatewayOptions, type RunningGateway, startGateway } from '../server.ts';

/** The security headers of the gateway's own answers: the web app at /, and the GraphQL endpoint. No subgraph is needed. */
const gateways: RunningGateway[] = [];
const gatewayWith = async (options: Partial<GatewayOptions> = {}) => {
  const gateway = await startGateway({ supergraphSdl: committedSupergraph(), port: 0, publicUrl: 'http://localhost:4000', ...options });
  gateways.push(gateway);
  return gateway;
};
afterAll(() => Promise.all(gateways.map((g) => g.close())));

const page = (gateway: RunningGateway, headers: Record<string, string> = {}) => fetch(`${gateway.url}/`, { headers });
const graphql = (gateway: RunningGateway, headers: Record<string, string> = {}) =>
  fetch(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: '{ __typename }' }),
  });

/** The policy as directive → sources. */
const policyOf = (res: Response) =>
  new Map(
    (res.headers.get('content-security-policy') ?? '')
      .split(';')
      .filter(Boolean)
      .map((d) => {
        const [name = '', ...sources] = d.trim().split(/\s+/);
        return [name, sources] as const;
      }),
  );

describe('security headers over plain HTTP', () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    gateway = await gatewayWith();
  });

  it.each([
    ['the web app at /', () => page(gateway)],
    ['the GraphQL endpoint', () => graphql(gateway)],
  ])('%s gets a strict Content-Security-Policy', async (_where, request) => {
    const res = await request();
    expect(res.ok).toBe(true);
    const policy = policyOf(res);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(policy.get('connect-src')).toEqual(["'self'", `ws://${new URL(gateway.url).host}`]);
    expect(policy.has('upgrade-insecure-requests')).toBe(false);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it('ignores X-Forwarded-Proto from a client when no proxy is trusted', async () => {
    const res = await page(gateway, { 'x-forwarded-proto': 'https' });
    expect(res.headers.get('strict-transport-security')).toBeNull();
    expect(policyOf(res).get('connect-src')).toContain(`ws://${new URL(gateway.url).host}`);
  });

  it('never copies a malformed Host header into the policy', async () => {
    // fetch always sends the real Host, so this request is written with node:http.
    const policy = await new Promise<string>((resolve, reject) => {
      const url = new URL(gateway.url);
      get({ host: url.hostname, port: url.port, path: '/', headers: { host: 'evil.example;script-src *' } }, (res) => {
        res.resume();
        resolve(String(res.headers['content-security-policy']));
      }).on('error', reject);
    });
    expect(policy).not.toContain('evil');
    expect(policy).toContain("connect-src 'self'");
  });
});

describe('security headers behind TLS', () => {
  it('sends HSTS, wss: and upgrade-insecure-requests when a trusted proxy says the request came over https', async () => {
    const gateway = await gatewayWith({ trustProxy: 1 });
    for (const res of [await page(gateway, { 'x-forwarded-proto': 'https' }), await graphql(gateway, { 'x-forwarded-proto': 'https' })]) {
      expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
      expect(policyOf(res).get('connect-src')).toEqual(["'self'", `wss://${new URL(gateway.url).host}`]);
      expect(policyOf(res).has('upgrade-insecure-requests')).toBe(true);
    }
    expect((await page(gateway)).headers.get('strict-transport-security')).toBeNull();
  });

  it('sends HSTS on every response when the public URL is https', async () => {
    const gateway = await gatewayWith({ publicUrl: 'https://clinic.example' });
    expect((await page(gateway)).headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect((await graphql(gateway)).headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });
});
