import { randomUUID } from 'node:crypto';
import { codeOf, type GqlClient } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FinanceTest, type InvoiceShape, issuedInvoice, pay, startFinanceTest } from '../test-support.ts';

let f: FinanceTest;
let mine: InvoiceShape;
let theirs: InvoiceShape;
let theirPayment: string;
beforeAll(async () => {
  f = await startFinanceTest();
  mine = await issuedInvoice(f, [{ unitPriceMinor: 1500 }], f.ids.patientA);
  theirs = await issuedInvoice(f, [{ unitPriceMinor: 9900 }], f.ids.patientB);
  theirPayment = (await pay(f, theirs.id, 100)).data!.recordPayment.id;
});
afterAll(() => f?.close());

const ENTITIES = `query E($reps: [_Any!]!) { _entities(representations: $reps) {
  ... on Invoice { id number totalMinor lines { description } }
  ... on Payment { id tenderedMinor }
  ... on Patient { id invoices { nodes { id number } } insurancePolicies { id } } } }`;

/** Every way a caller could ask finance for patient B's money, with the variables to ask it. */
const pathsToTheirs = () =>
  [
    ['invoice', 'query Q($id: ID!) { invoice(id: $id) { id totalMinor } }', { id: theirs.id }],
    ['invoices by patient', 'query Q($p: ID) { invoices(patientId: $p) { nodes { id } } }', { p: f.ids.patientB }],
    ['payment', 'query Q($id: ID!) { payment(id: $id) { id } }', { id: theirPayment }],
    ['statement', 'query Q($p: ID) { patientStatement(patientId: $p) { closingBalanceMinor } }', { p: f.ids.patientB }],
    ['credit', 'query Q($p: ID!) { patientCredit(patientId: $p) { balanceMinor } }', { p: f.ids.patientB }],
    ['policies', 'query Q($p: ID!) { insurancePolicies(patientId: $p) { id } }', { p: f.ids.patientB }],
    ['_entities Invoice', ENTITIES, { reps: [{ __typename: 'Invoice', id: theirs.id }] }],
    ['_entities Payment', ENTITIES, { reps: [{ __typename: 'Payment', id: theirPayment }] }],
    ['_entities Patient', ENTITIES, { reps: [{ __typename: 'Patient', id: f.ids.patientB }] }],
  ] as const;

async function askAll(client: GqlClient) {
  return Promise.all(
    pathsToTheirs().map(async ([name, query, variables]) => {
      const result = await client.request(query, variables);
      return {
        name,
        code: codeOf(result),
        leaked: JSON.stringify(result.data ?? {}).includes(theirs.id) || JSON.stringify(result.data ?? {}).includes('9900'),
      };
    }),
  );
}

describe('who sees whose money', () => {
  it('a patient cannot see another patient’s invoices by any path, _entities included: NOT_FOUND, as if missing', async () => {
    const results = await askAll(f.patientA);
    for (const r of results) expect(r, r.name).toEqual({ name: r.name, code: 'NOT_FOUND', leaked: false });
    // The same answer as for an id that does not exist.
    const missing = await f.patientA.request('query Q($id: ID!) { invoice(id: $id) { id } }', { id: randomUUID() });
    expect(codeOf(missing)).toBe('NOT_FOUND');
    expect(missing.errors[0]?.message).toBe((await f.patientA.request('query Q($id: ID!) { invoice(id: $id) { id } }', { id: theirs.id })).errors[0]?.message);
  });

  it('a patient sees and lists only their own, and their own list ignores nobody else’s', async () => {
    const own = await f.patientA.data<{ invoice: { id: string }; invoices: { nodes: { id: string }[] } }>(
      'query Q($id: ID!) { invoice(id: $id) { id } invoices { nodes { id } } }',
      { id: mine.id },
    );
    expect(own.invoice.id).toBe(mine.id);
    expect(own.invoices.nodes.map((n) => n.id)).toEqual([mine.id]);
    const entities = await f.patientA.data<{ _entities: { id: string; invoices?: { nodes: { id: string }[] } }[] }>(ENTITIES, {
      reps: [
        { __typename: 'Invoice', id: mine.id },
        { __typename: 'Patient', id: f.ids.patientA },
      ],
    });
    expect(entities._entities[0]?.id).toBe(mine.id);
    expect(entities._entities[1]?.invoices?.nodes.map((n) => n.id)).toEqual([mine.id]);
  });

  it('staff other than billing have no access to money; anonymous callers must sign in', async () => {
    for (const r of await askAll(f.doctor)) expect(r.code, r.name).toBe('FORBIDDEN');
    for (const r of await askAll(f.anonymous)) expect(r.code, r.name).toBe('UNAUTHENTICATED');
    for (const r of await askAll(f.billing)) expect(r.code, r.name).toBeNull();
    for (const r of await askAll(f.admin)) expect(r.code, r.name).toBeNull();
  });

  it('every read of an invoice is audited with who read it', async () => {
    const before = await f.count("select count(*) n from audit.event where entity_type = 'Invoice' and entity_id = $1 and action = 'read'", [mine.id]);
    await f.patientA.data('query Q($id: ID!) { invoice(id: $id) { id } }', { id: mine.id });
    await f.billing.data('query Q($reps: [_Any!]!) { _entities(representations: $reps) { ... on Invoice { id } } }', {
      reps: [{ __typename: 'Invoice', id: mine.id }],
    });
    const rows = await f.sub.database.query<{ actor_roles: string[]; patient_id: string; service: string }>(
      "select actor_roles, patient_id, service from audit.event where entity_type = 'Invoice' and entity_id = $1 and action = 'read' order by id",
      [mine.id],
    );
    expect(rows.length - before).toBe(2);
    expect(rows.slice(-2).map((r) => r.actor_roles[0])).toEqual(['patient', 'billing']);
    expect(rows.every((r) => r.patient_id === f.ids.patientA && r.service === 'finance')).toBe(true);
    // Writes are audited in their own transaction.
    expect(await f.count("select count(*) n from audit.event where entity_type = 'Payment' and entity_id = $1 and action = 'create'", [theirPayment])).toBe(1);
  });
});
