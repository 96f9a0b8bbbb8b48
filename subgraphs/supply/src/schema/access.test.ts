import { randomUUID } from 'node:crypto';
import { codeOf } from '@clinigraph/kit/testing';
import type { GraphQLArgument, GraphQLField, GraphQLInputField } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItem, inDays, receive, type SupplyFixture, startSupply } from '../testing/fixtures.ts';
import { schema } from './index.ts';

let f: SupplyFixture;
let itemId: string;
let lotId: string;
beforeAll(async () => {
  f = await startSupply();
  itemId = await createItem(f);
  lotId = await receive(f, itemId, f.loc.pharmacy, 'ACC-1', 10, inDays(60));
  await receive(f, itemId, f.loc.ward, 'ACC-1', 10, inDays(60));
});
afterAll(() => f?.close());

/**
 * A plausible value for any input type (real ids where we have them, so refusal is not just "not
 * found"). Types are read from their printed form: vitest may load graphql twice (ESM and CJS), which
 * breaks graphql's own isXxxType checks on the schema's objects.
 */
function sample(typeName: string, name: string): unknown {
  const type = typeName.replace(/!$/, '');
  if (type.startsWith('[')) return [sample(type.slice(1, -1), name)];
  const named = schema.getType(type) as unknown as { getValues?: () => { name: string }[]; getFields?: () => Record<string, GraphQLInputField> };
  if (named?.getValues) return named.getValues()[0]?.name;
  if (named?.getFields)
    return Object.fromEntries(
      Object.values(named.getFields())
        .filter((field) => String(field.type).endsWith('!'))
        .map((field) => [field.name, sample(String(field.type), field.name)]),
    );
  if (type === 'ID') return /facility/i.test(name) ? f.facilityId : /location/i.test(name) ? f.loc.pharmacy : /lot/i.test(name) ? lotId : itemId;
  if (type === 'Int') return 1;
  if (type === 'Boolean') return true;
  if (type === 'Date') return inDays(30);
  if (type === 'DateTime') return new Date().toISOString();
  return 'x';
}

const isLeaf = (typeName: string) => {
  const named = schema.getType(typeName.replace(/[[\]!]/g, '')) as unknown as { getFields?: unknown };
  return !named?.getFields;
};

function operationFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>) {
  const args = field.args as readonly GraphQLArgument[];
  const variables = Object.fromEntries(args.map((a) => [a.name, sample(String(a.type), a.name)]));
  const defs = args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const call = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isLeaf(String(field.type)) ? '' : ' { __typename }';
  return { text: `${kind}${defs ? `(${defs})` : ''} { ${field.name}${call ? `(${call})` : ''}${selection} }`, variables };
}

const roots = (kind: 'query' | 'mutation') => {
  const type = kind === 'query' ? schema.getQueryType() : schema.getMutationType();
  return Object.values(type?.getFields() ?? {}).filter((field) => !field.name.startsWith('_'));
};

describe('patients see nothing of supply', () => {
  it.each(roots('query').map((q) => [q.name, q] as const))('query %s is refused', async (_name, field) => {
    const { text, variables } = operationFor('query', field);
    const result = await f.as.patient.request(text, variables);
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(codeOf(result));
    expect(result.data?.[field.name] ?? null).toBeNull();
  });

  it.each(roots('mutation').map((m) => [m.name, m] as const))('mutation %s is refused and writes nothing', async (_name, field) => {
    const [before] = await f.sql<{ n: string }>('select count(*) as n from supply.stock_movement');
    const { text, variables } = operationFor('mutation', field);
    const result = await f.as.patient.request(text, variables);
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(codeOf(result));
    const [after] = await f.sql<{ n: string }>('select count(*) as n from supply.stock_movement');
    expect(after?.n).toBe(before?.n);
  });

  it.each([
    ['Item', () => itemId],
    ['Location', () => f.loc.pharmacy],
    ['Lot', () => lotId],
  ] as const)('_entities for %s is refused (and allowed for staff)', async (typename, id) => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { id } } }`;
    const representations = [{ __typename: typename, id: id() }];
    const patient = await f.as.patient.request(query, { r: representations });
    expect(codeOf(patient)).toBe('FORBIDDEN');
    expect(patient.data?._entities?.[0] ?? null).toBeNull();
    const staff = await f.as.receptionist.data<{ _entities: { id: string }[] }>(query, { r: representations });
    expect(staff._entities).toEqual([{ id: id() }]);
    expect(codeOf(await f.as.anonymous.request(query, { r: representations }))).toBe('UNAUTHENTICATED');
  });

  it('covers every root field of the schema (so a new one cannot slip through)', () => {
    expect(roots('query').length).toBeGreaterThan(15);
    expect(roots('mutation').length).toBeGreaterThan(15);
  });
});

const ISSUE = 'mutation($i: IssueStockInput!) { issueStock(input: $i) { operationId } }';
const issue = (client: SupplyFixture['as']['nurse'], locationId: string) =>
  client.request(ISSUE, { i: { locationId, patientId: f.patientId, lines: [{ itemId, quantity: 1 }] } });

describe('staff roles', () => {
  it('nurses issue only from ward cabinets', async () => {
    expect((await issue(f.as.nurse, f.loc.ward)).errors).toEqual([]);
    expect(codeOf(await issue(f.as.nurse, f.loc.pharmacy))).toBe('FORBIDDEN');
    expect(
      codeOf(
        await f.as.nurse.request('mutation($i: DispensePrescriptionInput!) { dispensePrescription(input: $i) { operationId } }', {
          i: { prescriptionId: randomUUID(), locationId: f.loc.ward, lines: [{ itemId, quantity: 1 }] },
        }),
      ),
    ).toBe('FORBIDDEN');
  });

  it('pharmacists and admins move stock anywhere; other staff read but do not move it', async () => {
    expect((await issue(f.as.pharmacist, f.loc.pharmacy)).errors).toEqual([]);
    expect((await issue(f.as.admin, f.loc.pharmacy)).errors).toEqual([]);
    expect(codeOf(await issue(f.as.doctor, f.loc.ward))).toBe('FORBIDDEN');
    expect(codeOf(await issue(f.as.receptionist, f.loc.pharmacy))).toBe('FORBIDDEN');
    const { items } = await f.as.doctor.data<{ items: { id: string }[] }>('{ items { id } }');
    expect(items.map((i) => i.id)).toContain(itemId);
    expect(codeOf(await f.as.anonymous.request('{ items { id } }'))).toBe('UNAUTHENTICATED');
  });
});
