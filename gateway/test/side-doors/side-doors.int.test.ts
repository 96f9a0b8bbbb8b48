import { INTERNAL_CALL_REFUSED } from '@clinigraph/kit';
import type { GqlClient, GqlResult } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';

/**
 * No side doors: each subgraph listens on the loopback interface and answers GraphQL only for calls that
 * carry the gateway's signed assertion, so nobody reaches one past the gateway's limits, and the audit
 * trail's client IP is the one the gateway saw, never a header the caller chose.
 */
let stack: TestStack;
let doctor: GqlClient;
let patientId: string;

const PATIENT = 'query SideDoorPatient($id: ID!) { patient(id: $id) { id familyName } }';
const ALIASES = `query Aliases($id: ID!) { ${Array.from({ length: 40 }, (_, i) => `a${i}: patient(id: $id) { id }`).join(' ')} }`;
const ISSUE = 'mutation { issueServiceToken(service: "scheduling", secret: "guess") { accessToken } }';
const SPOOFED = '203.0.113.9';

beforeAll(async () => {
  stack = await startTestStack();
  doctor = await stack.as('doctor');
  patientId = stack.seed.patientIds[0]!;
});
afterAll(() => stack?.stop());

/** A raw POST (no test-client assertion), with the headers a caller chooses. */
async function post(url: string, query: string, headers: Record<string, string> = {}, variables: Record<string, unknown> = {}): Promise<GqlResult> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as Omit<GqlResult, 'status'>;
  return { status: res.status, data: body.data ?? null, errors: body.errors ?? [] };
}

const refused = (result: GqlResult) => ({ status: result.status, code: result.errors[0]?.extensions?.code, data: result.data });

const auditIps = async (requestId: string) =>
  (await stack.db.database.query<{ ip: string | null }>('select distinct ip from audit.event where request_id = $1', [requestId])).map((r) => r.ip);

describe('a subgraph reached directly', () => {
  it('listens on the loopback interface only', () => {
    for (const subgraph of Object.values(stack.subgraphs)) expect(new URL(subgraph.url).hostname).toBe('127.0.0.1');
  });

  it('refuses every call without the gateway’s assertion, with 401 and a typed error, even with a valid token', async () => {
    const results = await Promise.all(
      Object.values(stack.subgraphs).map((s) => post(s.url, PATIENT, { authorization: `Bearer ${doctor.token}` }, { id: patientId })),
    );
    for (const result of results) expect(refused(result)).toEqual({ status: 401, code: INTERNAL_CALL_REFUSED, data: null });
  });

  it('serves nothing past the gateway’s limits: 40 aliases are refused at the subgraph’s door', async () => {
    const headers = { authorization: `Bearer ${doctor.token}` };
    expect(refused(await post(stack.subgraphs.people!.url, ALIASES, headers, { id: patientId }))).toEqual({
      status: 401,
      code: INTERNAL_CALL_REFUSED,
      data: null,
    });
    expect((await doctor.request(ALIASES, { id: patientId })).data).toBeNull();
  });

  it('keeps people’s service-token endpoint behind the same door', async () => {
    expect(refused(await post(stack.subgraphs.people!.url, ISSUE))).toEqual({ status: 401, code: INTERNAL_CALL_REFUSED, data: null });
  });
});

describe('the gateway’s calls', () => {
  it('pass: a signed-in doctor reads a patient through the gateway', async () => {
    expect(await doctor.data(PATIENT, { id: patientId })).toEqual({ patient: { id: patientId, familyName: expect.any(String) } });
  });

  it('record the client IP the gateway saw, not the X-Forwarded-For the caller sent', async () => {
    const requestId = 'side-doors-direct-0001';
    const read = await post(
      stack.graphqlUrl,
      PATIENT,
      { authorization: `Bearer ${doctor.token}`, 'x-forwarded-for': SPOOFED, 'x-request-id': requestId },
      { id: patientId },
    );
    expect(read.data).toEqual({ patient: { id: patientId, familyName: expect.any(String) } });
    expect(await auditIps(requestId)).toEqual(['127.0.0.1']);
  });

  it('behind a trusted proxy (CLINIGRAPH_TRUST_PROXY), record the client IP the proxy reported', async () => {
    const behindProxy = await stack.extraGateway({ trustProxy: 1 });
    const requestId = 'side-doors-proxied-0001';
    const headers = { authorization: `Bearer ${doctor.token}`, 'x-forwarded-for': SPOOFED, 'x-request-id': requestId };
    const read = await post(`${behindProxy.url}/graphql`, PATIENT, headers, { id: patientId });
    expect(read.data).toEqual({ patient: { id: patientId, familyName: expect.any(String) } });
    expect(await auditIps(requestId)).toEqual([SPOOFED]);
  });
});
