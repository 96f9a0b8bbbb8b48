import { randomUUID } from 'node:crypto';
import { connect, type Database, type Statement, watchRequestStatements } from '@clinigraph/kit';
import { type GqlClient, planOf } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';
import { seedVisits } from './clinical-rows.ts';
import { measured, type SeededDay, seedDay } from './fixtures.ts';
import { DAY_BOARD, INVOICES, LAB_WORKLIST, PATIENT_CHART, STOCK_BALANCES } from './screens.ts';
import { seedShelf } from './stock-rows.ts';

/** Rows per large table. */
const ROWS = 5_000;
/** A table counts as large from this many rows: reading one of them whole for a screen is the bug this check finds. */
const LARGE = 2_000;

/**
 * The index-plan check: each screen's document runs once through the gateway over ROWS rows per table
 * (analysed), every SELECT its subgraphs sent is EXPLAINed, and no plan may read a large table
 * sequentially. The plans are asked with `enable_seqscan = off`, so a Seq Scan that remains is one no
 * index can replace: a missing index, not the planner rightly preferring to read a few thousand rows
 * whole (at this size it would for a 200-key lookup; at production size it would not). PostgreSQL only:
 * the setting needs one dedicated connection, and the check is about the production planner.
 */
describe.skipIf(!process.env.DATABASE_URL)('index plans of the list screens (PostgreSQL only; skipped on PGlite)', () => {
  let stack: TestStack;
  let clients: Record<'admin' | 'doctor' | 'billing' | 'pharmacy' | 'lab', GqlClient>;
  let day: SeededDay;
  /** The pharmacist's own facility (set in beforeAll): staff read stock of their facilities only. */
  let store: string;
  let large: string[];
  let planner: Database;

  beforeAll(async () => {
    stack = await startTestStack();
    store = stack.seed.facilityId;
    const at = { facilityId: stack.seed.facilityId, providerIds: stack.seed.providerIds };
    day = await seedDay(stack, { ...at, day: '2031-03-04', count: ROWS });
    // The board's first 20 patients are waiting, so the board also reads the queue (queuePosition).
    await stack.db.database.query(
      `update scheduling.appointment a set status = 'checked_in', checked_in_at = a.starts_at, queue_day = $2::date, queue_token = w.n
       from (select id, row_number() over (partition by provider_id order by starts_at) as n from scheduling.appointment
             where facility_id = $1::uuid and starts_at >= $2::timestamptz order by starts_at limit 20) w
       where a.id = w.id`,
      [stack.seed.facilityId, day.from],
    );
    await seedVisits(stack, { ...at, patientIds: day.patientIds, count: ROWS, labStatus: 'released' });
    await seedVisits(stack, { ...at, patientIds: day.patientIds.slice(0, 200), count: 200, labStatus: 'resulted' });
    await seedShelf(stack, { facilityId: randomUUID(), count: ROWS, tag: 'BIG' });
    await seedShelf(stack, { facilityId: store, count: 200, tag: 'PLAN' });
    await stack.db.database.exec('analyze');
    const tables = await stack.db.database.query<{ name: string }>(
      `select n.nspname || '.' || c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where c.relkind = 'r' and c.reltuples >= $1`,
      [LARGE],
    );
    large = tables.map((t) => t.name);
    planner = await connect({ url: stack.db.url!, max: 1, name: 'plans' });
    await planner.exec('set enable_seqscan = off');
    clients = {
      admin: await stack.as('admin'),
      doctor: await stack.as('doctor'),
      billing: await stack.as('billing'),
      pharmacy: await stack.as('pharmacist'),
      lab: await stack.as('lab'),
    };
  }, 120_000);

  afterAll(async () => {
    await planner?.close();
    await stack?.stop();
  });

  /** Runs one screen's document and returns, per SELECT it sent, the large tables its plan reads sequentially. */
  async function seqScansOf(client: GqlClient, document: string, variables: Record<string, unknown>) {
    const sent: Statement[] = [];
    const stop = watchRequestStatements((s) => sent.push(s));
    try {
      await measured(client, document, variables);
    } finally {
      stop();
    }
    const reads = sent.filter((s) => /^\s*(select|with)\b/i.test(s.sql));
    expect(reads.length).toBeGreaterThan(0);
    const found: { sql: string; tables: string[] }[] = [];
    for (const s of reads) {
      const tables = (await planOf(planner, s.sql, s.params)).seqScans.filter((t) => large.includes(t));
      if (tables.length) found.push({ sql: s.sql, tables });
    }
    return found;
  }

  it('loaded large tables for every screen', () => {
    expect(large).toEqual(
      expect.arrayContaining(['people.patient', 'scheduling.appointment', 'finance.invoice', 'care.encounter', 'care.lab_order', 'supply.stock_balance']),
    );
  });

  it('the day board reads no large table sequentially', async () => {
    expect(await seqScansOf(clients.admin, DAY_BOARD, { from: day.from, to: day.to, facilityId: stack.seed.facilityId })).toEqual([]);
  });

  it('the patient chart reads no large table sequentially', async () => {
    expect(await seqScansOf(clients.doctor, PATIENT_CHART, { id: day.patientIds[0] })).toEqual([]);
  });

  it('the invoice list reads no large table sequentially, unfiltered or by status', async () => {
    expect(await seqScansOf(clients.billing, INVOICES, { status: null, first: 50 })).toEqual([]);
    expect(await seqScansOf(clients.billing, INVOICES, { status: 'ISSUED', first: 50 })).toEqual([]);
  });

  it('the stock list reads no large table sequentially', async () => {
    expect(await seqScansOf(clients.pharmacy, STOCK_BALANCES, { facilityId: store })).toEqual([]);
  });

  it('the lab worklist reads no large table sequentially', async () => {
    expect(await seqScansOf(clients.lab, LAB_WORKLIST, { statuses: ['RESULTED'] })).toEqual([]);
  });
});
