import { randomUUID } from 'node:crypto';
import { emitEvent, startEventConsumers, Topics } from '@clinigraph/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItem, inDays, issueToPatient, receive, type SupplyFixture, startSupply } from '../testing/fixtures.ts';
import { supplyPatientMerge } from './patient-merge.ts';

let f: SupplyFixture;
const merged = randomUUID();
const survivor = randomUUID();
beforeAll(async () => {
  f = await startSupply();
  const itemId = await createItem(f);
  await receive(f, itemId, f.loc.pharmacy, 'LG-M', 20, inDays(200));
  expect((await issueToPatient(f.as.pharmacist, f.loc.pharmacy, [{ itemId, quantity: 2 }], merged)).errors).toEqual([]);
});
afterAll(() => f?.close());

const movementsOf = async (patientId: string) =>
  (await f.sql<{ n: number }>('select count(*)::int as n from supply.stock_movement where patient_id = $1', [patientId]))[0]!.n;

async function runConsumer(): Promise<void> {
  const running = await startEventConsumers('supply', f.sg.database, [supplyPatientMerge], { pollMs: 60_000 });
  await running.drain();
  await running.stop();
}

describe('a patient merge in the stock ledger', () => {
  it('the ledger refuses re-pointing a movement to another patient outside a merge', async () => {
    await expect(f.sql('update supply.stock_movement set patient_id = $2 where patient_id = $1', [merged, survivor])).rejects.toThrow(/append-only/);
  });

  it('moves the merged record’s movements to the survivor once, audited, and a replay changes nothing', async () => {
    await f.sg.database.db.transaction((tx) =>
      emitEvent(tx, {
        topic: Topics.patientMerged,
        entityType: 'Patient',
        entityId: merged,
        patientId: survivor,
        payload: { survivorId: survivor, mergedId: merged },
      }),
    );
    await runConsumer();
    expect([await movementsOf(merged), await movementsOf(survivor)]).toEqual([0, 1]);
    await f.sql("update events.consumer_offset set last_id = 0 where consumer = 'supply.patient-merged'");
    await runConsumer();
    const audits = await f.sql<{ patient_id: string; moved: unknown }>(
      "select patient_id, detail->'moved' as moved from audit.event where entity_type = 'PatientMerge' and service = 'supply' order by patient_id",
    );
    expect(audits).toEqual([merged, survivor].sort().map((patient_id) => ({ patient_id, moved: { stockMovement: 1 } })));
  });

  it('stock given to the merged record afterwards (a screen still showing it) is recorded for the survivor', async () => {
    const [movement] = await f.sql<{ item_id: string }>('select item_id from supply.stock_movement where patient_id = $1', [survivor]);
    expect((await issueToPatient(f.as.pharmacist, f.loc.pharmacy, [{ itemId: movement!.item_id, quantity: 1 }], merged)).errors).toEqual([]);
    expect([await movementsOf(merged), await movementsOf(survivor)]).toEqual([0, 2]);
  });

  it('even after the merge, a movement may change nothing but its patient', async () => {
    await expect(f.sql('update supply.stock_movement set patient_id = $1, quantity = quantity - 1 where patient_id = $2', [merged, survivor])).rejects.toThrow(
      /append-only/,
    );
    await expect(f.sql('update supply.stock_movement set quantity = quantity - 1 where patient_id = $1', [survivor])).rejects.toThrow(/append-only/);
  });
});
