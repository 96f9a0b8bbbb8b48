import { randomUUID } from 'node:crypto';
import type { Role } from '@clinigraph/kit';
import { type GqlClient, type GqlResult, gqlClient, tokenFor } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';

/**
 * "An unknown role gets nothing": a caller whose roles the access policy does not list, or whose roles
 * the policy withholds everything from, asks a representative set of root fields of every subgraph and
 * each subgraph's `_entities` directly. Every answer is a refusal (UNAUTHENTICATED, FORBIDDEN,
 * NOT_FOUND, MFA_REQUIRED) or empty (null, an empty list or page), never data.
 */
let stack: TestStack;
let ids: { patient: string; appointment: string; facility: string; provider: string; item: string; encounter: string | null };

const YEAR = 365 * 24 * 3600 * 1000;
const FROM = new Date(Date.now() - YEAR).toISOString();
const TO = new Date(Date.now() + YEAR).toISOString();
const REFUSALS = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'MFA_REQUIRED']);

/** Root fields of every subgraph, with the variables each needs (ids of records that exist). */
const probes = (): [string, string, Record<string, unknown>][] => [
  ['people', 'query($id: ID!) { patient(id: $id) { id givenName } }', { id: ids.patient }],
  ['people', '{ patients(search: "a") { nodes { id } } }', {}],
  ['people', '{ accounts { nodes { id email } } }', {}],
  ['people', '{ auditEvents { nodes { id } } }', {}],
  ['people', '{ emergencyAccessGrants { id } }', {}],
  ['people', '{ signInActivity { nodes { id } } }', {}],
  // A provider's name and specialty are the public directory (booking shows them to anyone); the licence number is not.
  ['people', 'query($id: ID!) { provider(id: $id) { licenseNumber } }', { id: ids.provider }],
  ['care', 'query($id: ID!) { patient(id: $id) { encounters { id } } }', { id: ids.patient }],
  ['care', '{ encounterQueue { id } }', {}],
  ['care', '{ labWorklist { id } }', {}],
  ['care', '{ dispensablePrescriptions { id } }', {}],
  ['care', 'query($id: ID!) { patientRecordPdf(patientId: $id) { filename } }', { id: ids.patient }],
  ['scheduling', 'query($from: DateTime!, $to: DateTime!) { appointments(from: $from, to: $to) { id } }', { from: FROM, to: TO }],
  ['scheduling', 'query($id: ID!) { appointment(id: $id) { id reason } }', { id: ids.appointment }],
  ['scheduling', '{ waitlist { id } }', {}],
  ['scheduling', 'query($id: ID) { notifications(patientId: $id) { id } }', { id: ids.patient }],
  ['supply', '{ items { id name } }', {}],
  ['supply', 'query($f: ID!) { lowStock(facilityId: $f) { item { id } } }', { f: ids.facility }],
  ['supply', '{ stockBalances { quantity } }', {}],
  ['finance', '{ invoices { nodes { id } } }', {}],
  ['finance', '{ charges { nodes { id } } }', {}],
  ['finance', '{ priceList { id } }', {}],
  ['finance', 'query($id: ID!) { insurancePolicies(patientId: $id) { id } }', { id: ids.patient }],
];

/** Whether a value holds anything: a field with a value other than null, an empty list or an empty page. */
function holdsData(value: unknown): boolean {
  if (value == null) return false;
  if (Array.isArray(value)) return value.some(holdsData);
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if ('nodes' in o) return holdsData(o.nodes);
    return Object.values(o).some(holdsData);
  }
  return true;
}

/** What an answer gave away: data, or an error that is not a refusal. */
function leak(result: GqlResult): string | null {
  if (holdsData(result.data)) return `data: ${JSON.stringify(result.data)}`;
  const odd = result.errors.map((e) => String(e.extensions?.code)).filter((c) => !REFUSALS.has(c));
  return odd.length ? `errors: ${odd.join(', ')}` : null;
}

async function leaksOf(client: (service: string) => GqlClient): Promise<string[]> {
  const found = await Promise.all(
    probes().map(async ([service, query, variables]) => {
      const what = leak(await client(service).request(query, variables));
      return what ? `${service} ${query.slice(0, 60)} → ${what}` : null;
    }),
  );
  return found.filter((f): f is string => f !== null);
}

const entityProbes = (): [string, string, Record<string, unknown>][] => [
  ['people', '... on Patient { id givenName mrn }', { __typename: 'Patient', id: ids.patient }],
  ['people', '... on Provider { licenseNumber }', { __typename: 'Provider', id: ids.provider }],
  ['scheduling', '... on Appointment { id reason }', { __typename: 'Appointment', id: ids.appointment }],
  ['supply', '... on Item { id name }', { __typename: 'Item', id: ids.item }],
  ...(ids.encounter
    ? [['care', '... on Encounter { id chiefComplaint }', { __typename: 'Encounter', id: ids.encounter }] as [string, string, Record<string, unknown>]]
    : []),
  ['finance', '... on Patient { invoices { nodes { id } } }', { __typename: 'Patient', id: ids.patient }],
];

async function entityLeaks(token: string): Promise<string[]> {
  const found = await Promise.all(
    entityProbes().map(async ([service, selection, representation]) => {
      const direct = gqlClient(stack.subgraphs[service as keyof typeof stack.subgraphs]!.url, token);
      const result = await direct.request(`query($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`, { r: [representation] });
      const what = leak(result);
      return what ? `${service} _entities ${String(representation.__typename)} → ${what}` : null;
    }),
  );
  return found.filter((f): f is string => f !== null);
}

beforeAll(async () => {
  stack = await startTestStack();
  const admin = await stack.as('admin');
  const [patient] = stack.seed.patientIds as [string];
  const seen = await admin.data<{
    appointments: { id: string }[];
    items: { id: string }[];
    patient: { encounters: { id: string }[] | null };
  }>('query($from: DateTime!, $to: DateTime!, $p: ID!) { appointments(from: $from, to: $to) { id } items { id } patient(id: $p) { encounters { id } } }', {
    from: FROM,
    to: TO,
    p: patient,
  });
  ids = {
    patient,
    appointment: seen.appointments[0]!.id,
    facility: stack.seed.facilityId,
    provider: stack.seed.providerIds[0]!,
    item: seen.items[0]!.id,
    encounter: seen.patient.encounters?.[0]?.id ?? null,
  };
});
afterAll(() => stack?.stop());

describe('a role with no capabilities sees nothing', () => {
  it('(the probes do answer data to a clinic admin, so the checks below are not vacuous)', async () => {
    const admin = await stack.as('admin');
    expect((await leaksOf(() => admin)).length).toBeGreaterThanOrEqual(15);
    expect((await entityLeaks(admin.token!)).length).toBeGreaterThanOrEqual(3);
  }, 60_000);

  it('a token whose only role the policy does not list: refused everywhere, at the gateway and at each subgraph', async () => {
    const token = await tokenFor({ userId: randomUUID(), roles: ['volunteer' as Role], facilityIds: [stack.seed.facilityId] });
    const client = gqlClient(stack.graphqlUrl, token);
    expect(await leaksOf(() => client)).toEqual([]);
    expect(await entityLeaks(token)).toEqual([]);
  });

  it('an account whose role was changed to one the policy does not list: its sign-in gives nothing to see', async () => {
    const admin = await stack.as('admin');
    const email = 'volunteer@clinigraph.test';
    await admin.data('mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }', {
      input: { email, password: 'volunteer-pass-1', displayName: 'Val Volunteer', roles: ['RECEPTIONIST'], facilityIds: [stack.seed.facilityId] },
    });
    await stack.db.database.query("update people.account set roles = '{volunteer}' where email = $1", [email]);
    const login = await stack.anonymous.request<{ login: { accessToken: string } }>(
      'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
      { email, password: 'volunteer-pass-1' },
    );
    const token = login.data?.login?.accessToken;
    if (!token) return expect(login.errors.length).toBeGreaterThan(0);
    const client = gqlClient(stack.graphqlUrl, token);
    expect(await leaksOf(() => client)).toEqual([]);
    expect(await entityLeaks(token)).toEqual([]);
  });

  it('a known role the policy grants nothing to (an admin whose session skipped the required second factor)', async () => {
    const token = await tokenFor({ userId: randomUUID(), roles: ['admin'], mfa: false, mfaRequired: true });
    const client = gqlClient(stack.graphqlUrl, token);
    expect(await leaksOf(() => client)).toEqual([]);
    expect(await entityLeaks(token)).toEqual([]);
  });
});
