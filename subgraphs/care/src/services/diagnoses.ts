import { badInput, type Context, conflict, isUuid, notFound, parseInput, requireCapability, type Tx, translateDbError } from '@clinigraph/kit';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { lookupIcd } from '../catalogue/icd10.ts';
import { diagnosis } from '../db/schema.ts';
import { assertOpen, lockEncounter } from './encounters.ts';
import type { DiagnosisRow } from './loaders.ts';
import { encounterFacility, inFacilities } from './scope.ts';

const addInput = z.object({
  encounterId: z.string(),
  code: z.string().trim().min(1).max(10),
  /** Without a kind: primary when the encounter has none yet, else secondary (what a doctor adding codes in turn expects). */
  kind: z.enum(['primary', 'secondary']).optional(),
  comment: z.string().trim().max(1000).nullish(),
});

const hasPrimary = async (tx: Tx, encounterId: string) =>
  (
    await tx
      .select({ id: diagnosis.id })
      .from(diagnosis)
      .where(and(eq(diagnosis.encounterId, encounterId), eq(diagnosis.kind, 'primary')))
      .limit(1)
  ).length > 0;

/** A diagnosis must carry a code from the bundled ICD-10-CM list; its description comes from the list. */
export async function addDiagnosis(ctx: Context, input: z.input<typeof addInput>): Promise<DiagnosisRow> {
  const identity = requireCapability(ctx, 'clinical.write');
  const data = parseInput(addInput, input);
  const icd = lookupIcd(data.code);
  if (!icd) throw badInput(`${data.code} is not an ICD-10-CM code in the code list`, [{ path: 'code', message: 'Unknown ICD-10 code' }]);
  try {
    return await ctx.db.transaction(async (tx) => {
      const enc = await lockEncounter(ctx, tx, data.encounterId);
      assertOpen(enc);
      const kind = data.kind ?? ((await hasPrimary(tx, enc.id)) ? 'secondary' : 'primary');
      const [row] = await tx
        .insert(diagnosis)
        .values({
          encounterId: enc.id,
          patientId: enc.patientId,
          code: icd.code,
          description: icd.description,
          kind,
          comment: data.comment ?? null,
          recordedBy: identity.userId,
        })
        .returning();
      await ctx.audit.write(tx, { action: 'create', entityType: 'Diagnosis', entityId: row!.id, patientId: enc.patientId, detail: { code: icd.code } });
      return row!;
    });
  } catch (err) {
    translateDbError(err, {
      diagnosis_encounter_code_key: () => conflict(`${icd.code} is already recorded on this encounter`),
      diagnosis_one_primary_idx: () => conflict('This encounter already has a primary diagnosis'),
    });
  }
}

/** Removes a diagnosis entered in error, while the encounter is still open (audited with its code). */
export async function removeDiagnosis(ctx: Context, id: string): Promise<boolean> {
  requireCapability(ctx, 'clinical.write');
  return ctx.db.transaction(async (tx) => {
    const [row] = isUuid(id)
      ? await tx
          .select()
          .from(diagnosis)
          .where(and(eq(diagnosis.id, id), inFacilities(ctx.identity, encounterFacility(diagnosis.encounterId))))
      : [];
    if (!row) throw notFound('Diagnosis');
    const enc = await lockEncounter(ctx, tx, row.encounterId);
    assertOpen(enc);
    await tx.delete(diagnosis).where(eq(diagnosis.id, id));
    await ctx.audit.write(tx, { action: 'delete', entityType: 'Diagnosis', entityId: id, patientId: row.patientId, detail: { code: row.code } });
    return true;
  });
}
