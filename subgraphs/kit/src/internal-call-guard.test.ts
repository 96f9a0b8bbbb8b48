import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTERNAL_CALL_HEADER, INTERNAL_CALL_REFUSED, type InternalCall, signInternalCall } from './auth/internal-call.ts';
import { createBuilder } from './builder.ts';
import { type CapturedLogs, captureLogs } from './testing/logs.ts';
import { startTestSubgraph, type TestSubgraph } from './testing/subgraph.ts';

/** A subgraph whose one field tells what the context holds as the client IP (what the audit trail records). */
const builder = createBuilder();
builder.queryType({ fields: (t) => ({ callerIp: t.string({ nullable: true, resolve: (_r, _a, ctx) => ctx.ip }) }) });

const SERVICE = 'sidedoor';
const BODY = JSON.stringify({ query: '{ callerIp }' });

let subgraph: TestSubgraph;
let logs: CapturedLogs;
beforeAll(async () => {
  logs = captureLogs();
  subgraph = await startTestSubgraph(SERVICE, builder.toSchema());
});
afterAll(async () => {
  logs?.stop();
  await subgraph?.close();
});

const gatewayCall = (change: Partial<InternalCall> = {}): InternalCall => ({
  audience: SERVICE,
  issuer: 'gateway',
  method: 'POST',
  body: BODY,
  ip: '198.51.100.4',
  ...change,
});

async function post(headers: Record<string, string>, body = BODY) {
  const res = await fetch(subgraph.server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: res.status, body: (await res.json()) as { data?: { callerIp: string | null }; errors?: { extensions?: Record<string, unknown> }[] } };
}

const refusal = (reason: string) => ({ status: 401, body: { errors: [{ message: expect.any(String), extensions: { code: INTERNAL_CALL_REFUSED, reason } }] } });

describe('a subgraph called directly, without the gateway', () => {
  it('refuses a call without an assertion with 401 INTERNAL_CALL_REFUSED, before any GraphQL runs', async () => {
    expect(await post({})).toEqual(refusal('missing'));
    expect(await post({ 'x-forwarded-for': '203.0.113.9' })).toEqual(refusal('missing'));
  });

  it('refuses an expired assertion', async () => {
    expect(await post({ [INTERNAL_CALL_HEADER]: await signInternalCall(gatewayCall(), -60) })).toEqual(refusal('expired'));
  });

  it('refuses an assertion for another subgraph', async () => {
    expect(await post({ [INTERNAL_CALL_HEADER]: await signInternalCall(gatewayCall({ audience: 'people' })) })).toEqual(refusal('wrong-audience'));
  });

  it('refuses an assertion replayed with another body or method', async () => {
    const assertion = await signInternalCall(gatewayCall());
    expect(await post({ [INTERNAL_CALL_HEADER]: assertion }, JSON.stringify({ query: '{ __typename }' }))).toEqual(refusal('wrong-request'));
    expect(await post({ [INTERNAL_CALL_HEADER]: await signInternalCall(gatewayCall({ method: 'GET' })) })).toEqual(refusal('wrong-request'));
  });

  it('refuses a tampered assertion: a changed claim, or one signed with another secret', async () => {
    const [header, payload, signature] = (await signInternalCall(gatewayCall())).split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, ip: '10.0.0.1' })).toString('base64url');
    expect(await post({ [INTERNAL_CALL_HEADER]: `${header}.${forged}.${signature}` })).toEqual(refusal('invalid'));
    const otherSecret = await new SignJWT(claims)
      .setProtectedHeader(JSON.parse(Buffer.from(header, 'base64url').toString()))
      .sign(new TextEncoder().encode('another deployment secret, 32 chars'));
    expect(await post({ [INTERNAL_CALL_HEADER]: otherSecret })).toEqual(refusal('invalid'));
    expect(await post({ [INTERNAL_CALL_HEADER]: 'not-a-jwt' })).toEqual(refusal('invalid'));
  });

  it('logs each refusal with its reason, never the body', async () => {
    const start = logs.entries().length;
    await post({}, JSON.stringify({ query: '{ callerIp }', variables: { name: 'Garcia' } }));
    const refused = logs
      .entries()
      .slice(start)
      .find((e) => e.msg === 'internal call refused');
    expect(refused).toMatchObject({ service: SERVICE, reason: 'missing', level: 40 });
    expect(logs.lines().slice(start).join('')).not.toContain('Garcia');
  });
});

describe('a call with a valid assertion', () => {
  it('is served, and the client IP is the one the assertion carries, never the X-Forwarded-For header', async () => {
    const served = await post({ [INTERNAL_CALL_HEADER]: await signInternalCall(gatewayCall()), 'x-forwarded-for': '203.0.113.9' });
    expect(served).toEqual({ status: 200, body: { data: { callerIp: '198.51.100.4' }, extensions: expect.anything() } });
  });

  it('of a job (no client) has no client IP, whatever the headers say', async () => {
    const served = await post({
      [INTERNAL_CALL_HEADER]: await signInternalCall(gatewayCall({ issuer: 'scheduling', ip: null })),
      'x-forwarded-for': '203.0.113.9',
    });
    expect(served.body.data).toEqual({ callerIp: null });
  });
});

describe('the probes', () => {
  it('stay open without an assertion: /health, /ready and /metrics', async () => {
    const statuses = await Promise.all(['health', 'ready', 'metrics'].map(async (path) => (await fetch(new URL(`/${path}`, subgraph.server.url))).status));
    expect(statuses).toEqual([200, 200, 200]);
  });
});
