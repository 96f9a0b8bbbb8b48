import { eq } from 'drizzle-orm';
import { bigint, type PgColumn, type PgSchema, type PgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { EventConsumer } from './consumers.ts';
import type { Tx } from './db/connect.ts';
import { type PatientMergedPayload, Topics } from './topics.ts';

/**
 * The merges a subgraph has applied, one row per merged patient record. It is the consumer's
 * idempotency key (a replayed `patient.merged` finds its row and changes nothing), the provenance of
 * re-pointed rows, and what the append-only triggers consult to let exactly a merge's re-pointing through.
 */
export function patientMergeTable<S extends string>(schema: PgSchema<S>) {
  return schema.table('patient_merge', {
    mergedPatientId: uuid('merged_patient_id').primaryKey(),
    survivorPatientId: uuid('survivor_patient_id').notNull(),
    eventId: bigint('event_id', { mode: 'bigint' }).notNull().unique(),
    appliedAt: timestamp('applied_at', { withTimezone: true }).notNull().defaultNow(),
  });
}
export type PatientMergeTable = ReturnType<typeof patientMergeTable<string>>;

/** A table of the subgraph holding a patient id: the rows of the merged record move to the survivor. */
export interface PatientColumn {
  table: PgTable;
  patientId: PgColumn;
}

/** Moves every row of `mergedId` in the given tables to `survivorId`; answers the rows moved per table. */
export async function repointPatientRows(tx: Tx, columns: Record<string, PatientColumn>, merge: PatientMergedPayload): Promise<Record<string, number>> {
  const moved: Record<string, number> = {};
  for (const [name, { table, patientId }] of Object.entries(columns)) {
    // drizzle types `set` per table; these tables differ, so the one shared column is set by its key.
    const rows = await tx
      .update(table)
      .set({ [columnKey(table, patientId)]: merge.survivorId } as never)
      .where(eq(patientId, merge.mergedId))
      .returning({ patientId });
    if (rows.length) moved[name] = rows.length;
  }
  return moved;
}

function columnKey(table: PgTable, column: PgColumn): string {
  const entry = Object.entries(table).find(([, value]) => value === column);
  if (!entry) throw new Error(`column ${column.name} is not on the table given with it`);
  return entry[0];
}

/**
 * A subgraph's reader of `patient.merged`: records the merge (once: a replay finds the row and stops),
 * lets `apply` re-point the subgraph's rows in the same transaction, and audits what moved as the
 * system, against both records.
 */
export function patientMergeConsumer(
  service: string,
  merges: PatientMergeTable,
  apply: (tx: Tx, merge: PatientMergedPayload) => Promise<Record<string, number>>,
): EventConsumer {
  return {
    name: `${service}.patient-merged`,
    topics: [Topics.patientMerged],
    handle: async (event, { tx, audit }) => {
      const { survivorId, mergedId } = event.payload as unknown as PatientMergedPayload;
      const claimed = await tx
        .insert(merges)
        .values({ mergedPatientId: mergedId, survivorPatientId: survivorId, eventId: event.id })
        .onConflictDoNothing()
        .returning({ mergedPatientId: merges.mergedPatientId });
      if (!claimed.length) return;
      const moved = await apply(tx, { survivorId, mergedId });
      const detail = { survivorId, mergedId, eventId: String(event.id), moved };
      await audit.write(tx, { action: 'update', entityType: 'PatientMerge', entityId: mergedId, patientId: survivorId, detail });
      await audit.write(tx, { action: 'update', entityType: 'PatientMerge', entityId: mergedId, patientId: mergedId, detail });
    },
  };
}
