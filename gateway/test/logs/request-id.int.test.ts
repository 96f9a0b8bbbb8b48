import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';

/** A patient's chart across two subgraphs: people answers the patient, care the encounters. Both audit the read. */
const CHART = 'query Chart($id: ID!) { patient(id: $id) { id familyName encounters { id } } }';

let stack: TestStack;
let doctorToken: string;
beforeAll(async () => {
  stack = await startTestStack();
  doctorToken = (await stack.as('doctor')).token as string;
});
afterAll(() => stack?.stop());

async function chart(requestId?: string) {
  const res = await fetch(stack.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${doctorToken}`, ...(requestId ? { 'x-request-id': requestId } : {}) },
    body: JSON.stringify({ query: CHART, operationName: 'Chart', variables: { id: stack.seed.patientIds[0] } }),
  });
  const body = (await res.json()) as { errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return res.headers.get('x-request-id');
}

/** The services whose audit entries carry this request id: what each subgraph received as X-Request-Id. */
async function servicesThatSaw(requestId: string): Promise<string[]> {
  const rows = await stack.db.database.query<{ service: string }>('select distinct service from audit.event where request_id = $1 order by service', [
    requestId,
  ]);
  return rows.map((r) => r.service);
}

describe('the request id', () => {
  it('is taken from a well-formed X-Request-Id, answered back, and carried to every subgraph the request reaches', async () => {
    const given = 'front-desk-3f2a9c71';
    expect(await chart(given)).toBe(given);
    expect(await servicesThatSaw(given)).toEqual(['care', 'people']);
  });

  it('is generated when the client sends none, and the subgraphs see the generated one', async () => {
    const generated = await chart();
    expect(generated).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(await servicesThatSaw(generated as string)).toEqual(['care', 'people']);
  });

  it('replaces a malformed one (too short, or with characters outside [A-Za-z0-9_-]) instead of passing it on', async () => {
    for (const malformed of ['short', 'has space in it', `${'x'.repeat(65)}`, "'; drop table audit.event; --"]) {
      const answered = await chart(malformed);
      expect(answered).not.toBe(malformed);
      expect(await servicesThatSaw(answered as string)).toEqual(['care', 'people']);
      expect(await servicesThatSaw(malformed)).toEqual([]);
    }
  });

  it('is answered on responses GraphQL never sees: a refused token and the health probe', async () => {
    const refused = await fetch(stack.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-token', 'x-request-id': 'refused-token-0001' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('x-request-id')).toBe('refused-token-0001');
    const health = await fetch(`${stack.gateway.url}/health`);
    expect(health.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
