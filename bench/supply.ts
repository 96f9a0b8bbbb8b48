/**
 * Supply benchmarks: `DATABASE_URL=postgres://… npx tsx bench/supply.ts` (without DATABASE_URL both
 * parts run on PGlite and the reconciliation part uses 100k movements).
 *
 * 1. Dispense throughput and latency under contention: many clients dispensing 1 unit of the same item
 *    at the same location, each against its own finalised prescription, through the supply subgraph
 *    over HTTP (the prescription read from care over HTTP, FEFO, prescription and stock-level locks, events).
 * 2. Ledger reconciliation time for 1 M movements, bulk-generated with INSERT … SELECT generate_series.
 *
 * Options: --part dispense|ledger|all, --concurrency 1,8,32 (clients per level), --requests 2000 (per level), --movements 1000000.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { care } from '@clinigraph/care';
import { createContext, type Database, startSubgraph } from '@clinigraph/kit';
import { createTestDatabase, gqlClient, tokenFor } from '@clinigraph/kit/testing';
import { schema } from '@clinigraph/supply';
import { dispensePrescription } from '@clinigraph/supply/services/dispense';
import { reconcile } from '@clinigraph/supply/services/reconcile';

const { values: args } = parseArgs({
  options: {
    part: { type: 'string', default: 'all' },
    concurrency: { type: 'string', default: '1,8,32' },
    requests: { type: 'string', default: '2000' },
    movements: { type: 'string' },
  },
});
const levels = args.concurrency.split(',').map(Number);
const requestsPerLevel = Number(args.requests);
/** 1 M movements on Postgres; PGlite (no DATABASE_URL) gets 100k by default. */
const movementsFor = (database: Database) => Number(args.movements ?? (database.kind === 'postgres' ? 1_000_000 : 100_000));

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
const ms = (n: number) => n.toFixed(1);

function report(concurrency: number, latencies: number[], seconds: number, errors: number) {
  const sorted = latencies.sort((a, b) => a - b);
  const cells = [50, 95, 99].map((p) => ms(percentile(sorted, p)).padStart(7));
  console.log(
    `${String(concurrency).padStart(7)} | ${(latencies.length / seconds).toFixed(0).padStart(11)} | ${cells.join(' | ')} | ${ms(sorted.at(-1) ?? 0).padStart(7)} | ${errors}`,
  );
}

/**
 * Finalised prescriptions of one unit of the item each, written as care's own rows (as care's demo
 * seed does), so every dispense reads a real prescription from care; their ids.
 */
async function prescriptions(database: Database, itemId: string, facilityId: string, count: number): Promise<string[]> {
  const rows = await database.query<{ id: string }>(
    `with enc as (
       insert into care.encounter (patient_id, provider_id, facility_id, origin, status)
       values ('00000000-0000-4000-8000-0000000000b1', gen_random_uuid(), $2, 'walk_in', 'in_consultation') returning id),
     rx as (
       insert into care.prescription (encounter_id, patient_id, prescriber_id, facility_id, status, valid_until, finalised_at, created_by)
       select enc.id, '00000000-0000-4000-8000-0000000000b1', gen_random_uuid(), $2, 'finalised', current_date + 30, now(), gen_random_uuid()
       from enc, generate_series(1, $3::int) returning id)
     insert into care.prescription_item (prescription_id, item_id, medicine_name, generic_name, dose, route, frequency, duration_days, quantity, position)
     select id, $1, 'Bench tablets', 'benchamol', '1 tablet', 'oral', 'once', 1, 1, 1 from rx returning prescription_id as id`,
    [itemId, facilityId, count],
  );
  return rows.map((r) => r.id);
}

async function dispenseBench(database: Database) {
  const server = await startSubgraph({ name: 'supply', schema, database });
  const careServer = await startSubgraph({ name: 'care', schema: care.schema, database });
  const token = await tokenFor({ userId: randomUUID(), roles: ['pharmacist'] });
  const client = gqlClient(server.url, token);
  const facilityId = randomUUID();
  const { createLocation } = await client.data<{ createLocation: { id: string } }>('mutation($i: CreateLocationInput!) { createLocation(input: $i) { id } }', {
    i: { facilityId, code: 'PHARM', name: 'Pharmacy', kind: 'PHARMACY' },
  });
  const { createItem } = await client.data<{ createItem: { id: string } }>('mutation($i: CreateItemInput!) { createItem(input: $i) { id } }', {
    i: { sku: 'BENCH-1', name: 'Bench tablets', kind: 'MEDICINE', unit: 'tablet', genericName: 'benchamol', reorderLevel: 10 },
  });
  const total = 2 * requestsPerLevel * levels.length;
  for (const [n, days] of [
    [0, 100],
    [1, 200],
    [2, 300],
  ] as const) {
    const expiresOn = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    await client.data('mutation($i: ReceiveStockInput!) { receiveStock(input: $i) { operationId } }', {
      i: { itemId: createItem.id, locationId: createLocation.id, lotNumber: `LOT-${n}`, expiresOn, quantity: Math.ceil(total / 3) + 10, reference: 'bench' },
    });
  }
  const rxIds = await prescriptions(database, createItem.id, facilityId, total);
  const nextRx = () => rxIds.pop()!;
  const mutation = 'mutation($i: DispensePrescriptionInput!) { dispensePrescription(input: $i) { operationId } }';
  console.log(`\nDispense 1 unit of one item at one location (${database.kind}), ${requestsPerLevel} requests per level`);
  console.log('clients | dispenses/s |  p50 ms |  p95 ms |  p99 ms |  max ms | errors');
  for (const concurrency of levels) {
    const latencies: number[] = [];
    let errors = 0;
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next++ < requestsPerLevel) {
          const t0 = performance.now();
          const r = await client.request(mutation, {
            i: { prescriptionId: nextRx(), locationId: createLocation.id, lines: [{ itemId: createItem.id, quantity: 1 }] },
          });
          latencies.push(performance.now() - t0);
          if (r.errors.length) errors++;
        }
      }),
    );
    report(concurrency, latencies, (performance.now() - started) / 1000, errors);
  }
  console.log(`\nThe same, calling the dispense service in process (no GraphQL in front of supply; care is still read over HTTP)`);
  console.log('clients | dispenses/s |  p50 ms |  p95 ms |  p99 ms |  max ms | errors');
  for (const concurrency of levels) {
    const latencies: number[] = [];
    let errors = 0;
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next++ < requestsPerLevel) {
          const ctx = await createContext('supply', database, { authorization: `Bearer ${token}` }, { sqlCount: 0 });
          const t0 = performance.now();
          await dispensePrescription(ctx, {
            prescriptionId: nextRx(),
            locationId: createLocation.id,
            lines: [{ itemId: createItem.id, quantity: 1 }],
          }).catch(() => errors++);
          latencies.push(performance.now() - t0);
        }
      }),
    );
    report(concurrency, latencies, (performance.now() - started) / 1000, errors);
  }
  const check = await reconcile(database.db, null);
  console.log(`ledger after the run: ${check.movementCount} movements, reconciled: ${check.ok}`);
  await server.close();
  await careServer.close();
}

/** 1 M movements over 200 items × 5 lots × 4 locations, then balances and levels derived from them. */
async function generateLedger(database: Database, movements: number) {
  const started = performance.now();
  await database.exec(`
    insert into supply.item (sku, name, kind, unit, generic_name, reorder_level)
      select 'GEN-' || i, 'Generated ' || i, 'medicine', 'tablet', 'generated', 10 from generate_series(1, 200) i;
    insert into supply.location (facility_id, code, name, kind)
      select '00000000-0000-4000-8000-000000000001', 'GEN-' || i, 'Generated ' || i, 'store' from generate_series(1, 4) i;
    insert into supply.lot (item_id, lot_number, expires_on)
      select it.id, 'GEN-' || l, current_date + 30 * l from supply.item it cross join generate_series(1, 5) l where it.sku like 'GEN-%';
    create temporary table gen_pair as
      select row_number() over (order by lot.id, loc.id) - 1 as n, lot.item_id, lot.id as lot_id, loc.id as location_id
      from supply.lot lot join supply.item it on it.id = lot.item_id and it.sku like 'GEN-%'
      cross join supply.location loc where loc.code like 'GEN-%';
  `);
  await database.exec(`
    insert into supply.stock_movement (operation_id, kind, item_id, lot_id, location_id, quantity, reference_type, reference_id, reason, occurred_at)
      select gen_random_uuid(),
             case when g % 3 = 0 then 'dispense' else 'receive' end::supply.movement_kind,
             p.item_id, p.lot_id, p.location_id,
             case when g % 3 = 0 then -1 else 2 end,
             case when g % 3 = 0 then 'prescription' else 'delivery' end::supply.movement_reference,
             'GEN-' || g, null, now() - (g || ' seconds')::interval
      from generate_series(1, ${movements}) g
      join gen_pair p on p.n = g % (select count(*) from gen_pair);
    insert into supply.stock_balance (lot_id, location_id, item_id, quantity)
      select lot_id, location_id, item_id, sum(quantity) from supply.stock_movement group by lot_id, location_id, item_id
      on conflict (lot_id, location_id) do update set quantity = excluded.quantity;
    insert into supply.stock_level (item_id, facility_id, on_hand)
      select b.item_id, loc.facility_id, sum(b.quantity) from supply.stock_balance b join supply.location loc on loc.id = b.location_id
      group by b.item_id, loc.facility_id
      on conflict (item_id, facility_id) do update set on_hand = excluded.on_hand;
    analyze supply.stock_movement; analyze supply.stock_balance; analyze supply.stock_level;
  `);
  return (performance.now() - started) / 1000;
}

async function reconcileBench(database: Database) {
  const generatedIn = await generateLedger(database, movementsFor(database));
  const [count] = await database.query<{ n: string }>('select count(*) as n from supply.stock_movement');
  console.log(`\nReconciliation (${database.kind}): ${Number(count?.n).toLocaleString('en')} movements generated in ${generatedIn.toFixed(1)} s`);
  const runs: number[] = [];
  let ok = false;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const report = await reconcile(database.db, null);
    runs.push(performance.now() - t0);
    ok = report.ok;
  }
  console.log(`stockReconciliation over the whole ledger: ${runs.map((r) => `${r.toFixed(0)} ms`).join(', ')} (3 runs), reconciled: ${ok}`);
  await database.exec(
    `update supply.stock_balance set quantity = quantity + 1 where (lot_id, location_id) in (select lot_id, location_id from supply.stock_balance limit 1)`,
  );
  const broken = await reconcile(database.db, null);
  console.log(`after changing one balance behind the ledger: reconciled: ${broken.ok}, mismatches found: ${broken.balanceMismatches.length}`);
}

if (args.part !== 'ledger') {
  const dispenseDb = await createTestDatabase();
  try {
    await dispenseBench(dispenseDb.database);
  } finally {
    await dispenseDb.drop();
  }
}
if (args.part !== 'dispense') {
  const ledgerDb = await createTestDatabase();
  try {
    await reconcileBench(ledgerDb.database);
  } finally {
    await ledgerDb.drop();
  }
}
console.log(`\nmachine: ${(await import('node:os')).cpus().length} cores; client, subgraph and database share them.`);
