import { readFileSync } from 'node:fs';
import { verifyAccessToken } from '@clinigraph/kit';
import { codeOf } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PeopleTestSubgraph, startPeopleSubgraph } from '../testing.ts';

const SECRET = 'a-service-secret-of-at-least-32-characters';
const ISSUE = 'mutation Issue($service: String!, $secret: String!) { issueServiceToken(service: $service, secret: $secret) { accessToken expiresAt } }';

let people: PeopleTestSubgraph;
beforeAll(async () => {
  process.env.CLINIGRAPH_SERVICE_SECRET = SECRET;
  people = await startPeopleSubgraph();
});
afterAll(async () => {
  delete process.env.CLINIGRAPH_SERVICE_SECRET;
  await people?.close();
});

const issue = (service: string, secret: string) =>
  people.client().request<{ issueServiceToken: { accessToken: string; expiresAt: string } | null }>(ISSUE, { service, secret });

describe('issueServiceToken: people signs a short-lived token for a service holding the service credential', () => {
  it('gives scheduling a token with its service scope and the receptionist read rights, valid for minutes', async () => {
    const result = await issue('scheduling', SECRET);
    const issued = result.data?.issueServiceToken;
    expect(issued).toBeTruthy();
    const identity = await verifyAccessToken(issued!.accessToken);
    expect(identity).toMatchObject({ roles: ['receptionist'], scopes: ['service:scheduling'], patientId: null, providerId: null });
    const lifetime = Date.parse(issued!.expiresAt) - Date.now();
    expect(lifetime).toBeGreaterThan(60_000);
    expect(lifetime).toBeLessThanOrEqual(5 * 60_000);
  });

  it.each([
    ['a wrong secret', 'scheduling', `${SECRET}x`],
    ['an empty secret', 'scheduling', ''],
    ['a service that may not act alone', 'finance', SECRET],
    ['an unknown service', 'nobody', SECRET],
  ])('refuses %s with UNAUTHENTICATED and the same message, issuing nothing', async (_case, service, secret) => {
    const result = await issue(service, secret);
    expect(result.data?.issueServiceToken ?? null).toBeNull();
    expect(codeOf(result)).toBe('UNAUTHENTICATED');
    expect(result.errors[0]?.message).toBe('Invalid service credential');
  });

  it('refuses everyone when the deployment has no service credential', async () => {
    delete process.env.CLINIGRAPH_SERVICE_SECRET;
    try {
      expect(codeOf(await issue('scheduling', SECRET))).toBe('UNAUTHENTICATED');
    } finally {
      process.env.CLINIGRAPH_SERVICE_SECRET = SECRET;
    }
  });

  it('is not part of the public API: the gateway never routes it (only a subgraph asks people directly)', () => {
    const api = readFileSync(new URL('../../../../schema/api.graphql', import.meta.url), 'utf8');
    expect(api).toMatch(/\blogin\(/);
    expect(api).not.toMatch(/issueServiceToken|ServiceToken/);
  });
});
