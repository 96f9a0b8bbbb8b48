import type { GqlClient } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';
import { clientWithout, SUBGRAPHS, type SubgraphName, servicesNamed } from './outage.ts';

/** One root field of each subgraph, asked in one request as a screen mixing several services would. */
const EVERY_SUBGRAPH = `query EverySubgraph {
  facilities { id name }
  noteTemplates { template title }
  appointmentTypes { id name }
  suppliers { id name }
  priceList { id amountMinor currency }
}`;

/** Which root field of EVERY_SUBGRAPH each subgraph answers. */
const ROOT_FIELD: Record<SubgraphName, string> = {
  people: 'facilities',
  care: 'noteTemplates',
  scheduling: 'appointmentTypes',
  supply: 'suppliers',
  finance: 'priceList',
};

interface Answer {
  facilities: { id: string; name: string }[] | null;
  [rootField: string]: unknown[] | null;
}

let stack: TestStack;
let admin: GqlClient;
let whole: Answer;

beforeAll(async () => {
  stack = await startTestStack();
  admin = await stack.as('admin');
  whole = await admin.data<Answer>(EVERY_SUBGRAPH);
});
afterAll(async () => {
  await stack?.stop();
});

describe('root fields of every subgraph in one request, while one subgraph is down', () => {
  it('answers every root field, none of them empty, when everything is up', () => {
    for (const field of Object.values(ROOT_FIELD)) expect(whole[field]?.length, field).toBeGreaterThan(0);
  });

  it.each(SUBGRAPHS)('with %s down: only its root field is null, the others answer in full, and one error names it', async (down) => {
    const result = await (await clientWithout(stack, down, admin)).request<Answer>(EVERY_SUBGRAPH);
    expect(result.status).toBe(200);
    expect(result.data).toEqual({ ...whole, [ROOT_FIELD[down]]: null });
    expect(servicesNamed(result.errors)).toEqual([down]);
    expect(result.errors).toEqual([{ message: `The ${down} service is unavailable`, extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: down } }]);
  });

  it('keeps the facilities when finance cannot answer the charges (the case that used to blank the whole answer)', async () => {
    const result = await (await clientWithout(stack, 'finance', admin)).request<{ facilities: { name: string }[] | null; charges: unknown }>(
      '{ facilities { name } charges { edges { node { id } } } }',
    );
    expect(result.data?.facilities).toEqual(whole.facilities?.map(({ name }) => ({ name })));
    expect(result.data?.charges).toBeNull();
    expect(servicesNamed(result.errors)).toEqual(['finance']);
  });
});

describe("a patient's record while a subgraph that adds to it is down", () => {
  const RECORD = `query ($id: ID!) {
    patient(id: $id) { id displayName allergies { substance } encounters { id } appointments { id } invoices { nodes { id } } }
  }`;
  /** The field each subgraph adds to people's Patient in RECORD. */
  const ADDED_BY = { care: 'encounters', scheduling: 'appointments', finance: 'invoices' } as const;
  let record: Record<string, unknown>;

  beforeAll(async () => {
    ({ patient: record } = await admin.data<{ patient: Record<string, unknown> }>(RECORD, { id: stack.seed.patientIds[0] }));
  });

  it.each(Object.keys(ADDED_BY) as (keyof typeof ADDED_BY)[])(
    "with %s down: keeps what people holds (name, allergies) and the others' fields; only the field it adds is null",
    async (down) => {
      for (const field of Object.values(ADDED_BY)) expect(record[field], field).toBeTruthy();
      const result = await (await clientWithout(stack, down, admin)).request<{ patient: Record<string, unknown> | null }>(RECORD, {
        id: stack.seed.patientIds[0],
      });
      expect(result.data?.patient).toEqual({ ...record, [ADDED_BY[down]]: null });
      expect(servicesNamed(result.errors)).toEqual([down]);
    },
  );
});
