import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FinanceTest, startFinanceTest } from '../test-support.ts';

let f: FinanceTest;
beforeAll(async () => {
  f = await startFinanceTest();
});
afterAll(() => f?.close());

type Page = { nodes: { id: string; status: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
const PAGE = 'nodes { id status } pageInfo { hasNextPage endCursor }';
const ENTITIES = `query E($reps: [_Any!]!, $status: InvoiceStatus, $first: Int, $after: String) {
  _entities(representations: $reps) { ... on Patient { id invoices(status: $status, first: $first, after: $after) { ${PAGE} } } } }`;
const LIST = `query L($p: ID, $status: InvoiceStatus, $first: Int, $after: String) { invoices(patientId: $p, status: $status, first: $first, after: $after) { ${PAGE} } }`;

/** `count` invoices for a new patient, a minute apart, alternately issued and draft (set-based setup). */
async function patientWith(count: number): Promise<string> {
  const patientId = randomUUID();
  await f.sub.database.query(
    `insert into finance.invoice (patient_id, facility_id, currency, status, created_at)
     select $1::uuid, $3::uuid, 'USD', (case when n % 2 = 0 then 'issued' else 'draft' end)::finance.invoice_status, now() - n * interval '1 minute'
     from generate_series(1, $2::int) n`,
    [patientId, count, f.ids.facility],
  );
  return patientId;
}

const reps = (ids: string[]) => ids.map((id) => ({ __typename: 'Patient', id }));

describe('Patient.invoices, batched over every patient in a request', () => {
  let patients: string[];
  beforeAll(async () => {
    patients = [await patientWith(5), await patientWith(0), await patientWith(2), await patientWith(3)];
  });

  async function batched(vars: Record<string, unknown>, ids = patients) {
    const result = await f.billing.request<{ _entities: { id: string; invoices: Page }[] }>(ENTITIES, { reps: reps(ids), ...vars });
    expect(result.errors).toEqual([]);
    return { pages: result.data!._entities.map((e) => e.invoices), sqlCount: result.extensions?.sqlCount as number };
  }
  const alone = async (patientId: string, vars: Record<string, unknown>) =>
    (await f.billing.data<{ invoices: Page }>(LIST, { p: patientId, ...vars })).invoices;

  it.each([
    ['the first page', { first: 2 }],
    ['a status filter', { first: 2, status: 'ISSUED' }],
    ['a page larger than any list', { first: 10 }],
  ])('gives each patient exactly the page their own list gives: %s', async (_what, vars) => {
    const { pages } = await batched(vars);
    expect(pages).toEqual(await Promise.all(patients.map((p) => alone(p, vars))));
  });

  it('continues from a cursor as the patient’s own list does', async () => {
    const first = await alone(patients[0]!, { first: 2 });
    const { pages } = await batched({ first: 2, after: first.pageInfo.endCursor }, [patients[0]!]);
    expect(pages[0]).toEqual(await alone(patients[0]!, { first: 2, after: first.pageInfo.endCursor }));
    expect(pages[0]!.nodes.map((n) => n.id)).not.toContain(first.nodes[0]!.id);
  });

  it('reads one patient and four patients with the same number of statements', async () => {
    const one = await batched({ first: 2 }, [patients[0]!]);
    const four = await batched({ first: 2 });
    expect(four.sqlCount).toBe(one.sqlCount);
  });

  it('audits a search per patient and a read per invoice shown', async () => {
    const before = await f.count(`select count(*) n from audit.event where entity_type = 'Invoice' and action = 'read'`);
    const { pages } = await batched({ first: 2 });
    const after = await f.count(`select count(*) n from audit.event where entity_type = 'Invoice' and action = 'read'`);
    expect(after - before).toBe(pages.reduce((n, p) => n + p.nodes.length, 0));
  });
});
