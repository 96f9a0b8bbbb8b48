import { type Context, isUuid, notFound, parseInput, requireCapability } from '@clinigraph/kit';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { isFdiTooth, ToothSurfaces } from '../catalogue/fdi.ts';
import { dentalFinding, dentalFindingEnum, dentalPlanItem } from '../db/schema.ts';
import { assertOpen, lockEncounter } from './encounters.ts';
import type { DentalFindingRow, DentalPlanItemRow } from './loaders.ts';
import { encounterFacility, inFacilities } from './scope.ts';

const fdiTooth = z.int().refine(isFdiTooth, {
  message: 'Not an FDI tooth number: permanent teeth are 11–18, 21–28, 31–38, 41–48; primary teeth 51–55, 61–65, 71–75, 81–85',
});

const findingInput = z.object({
  encounterId: z.string(),
  tooth: fdiTooth,
  surfaces: z
    .array(z.enum(ToothSurfaces))
    .max(6)
    .default([])
    .refine((s) => new Set(s).size === s.length, 'A surface is listed twice'),
  finding: z.enum(dentalFindingEnum.enumValues),
  note: z.string().trim().max(1000).nullish(),
});

export async function recordToothFinding(ctx: Context, input: z.input<typeof findingInput>): Promise<DentalFindingRow> {
  const identity = requireCapability(ctx, 'clinical.write');
  const data = parseInput(findingInput, input);
  return ctx.db.transaction(async (tx) => {
    const enc = await lockEncounter(ctx, tx, data.encounterId);
    assertOpen(enc);
    const [row] = await tx
      .insert(dentalFinding)
      .values({
        encounterId: enc.id,
        patientId: enc.patientId,
        tooth: data.tooth,
        surfaces: data.surfaces,
        finding: data.finding,
        note: data.note ?? null,
        recordedBy: identity.userId,
      })
      .returning();
    await ctx.audit.write(tx, { action: 'create', entityType: 'DentalFinding', entityId: row!.id, patientId: enc.patientId, detail: { tooth: data.tooth } });
    return row!;
  });
}

const planInput = z.object({
  encounterId: z.string(),
  tooth: fdiTooth.nullish(),
  procedure: z.string().trim().min(2).max(200),
  priority: z.int().min(1).max(9).default(1),
  note: z.string().trim().max(1000).nullish(),
});

export async function addTreatmentPlanItem(ctx: Context, input: z.input<typeof planInput>): Promise<DentalPlanItemRow> {
  const identity = requireCapability(ctx, 'clinical.write');
  const data = parseInput(planInput, input);
  return ctx.db.transaction(async (tx) => {
    const enc = await lockEncounter(ctx, tx, data.encounterId);
    assertOpen(enc);
    const [row] = await tx
      .insert(dentalPlanItem)
      .values({
        encounterId: enc.id,
        patientId: enc.patientId,
        tooth: data.tooth ?? null,
        procedure: data.procedure,
        priority: data.priority,
        note: data.note ?? null,
        createdBy: identity.userId,
      })
      .returning();
    await ctx.audit.write(tx, {
      action: 'create',
      entityType: 'DentalPlanItem',
      entityId: row!.id,
      patientId: enc.patientId,
      detail: { tooth: data.tooth ?? null },
    });
    return row!;
  });
}

const statusInput = z.object({ id: z.string(), status: z.enum(['planned', 'done', 'cancelled']) });

export async function setTreatmentPlanStatus(ctx: Context, input: z.input<typeof statusInput>): Promise<DentalPlanItemRow> {
  requireCapability(ctx, 'clinical.write');
  const data = parseInput(statusInput, input);
  if (!isUuid(data.id)) throw notFound('Treatment plan item');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(dentalPlanItem)
      .set({ status: data.status, completedAt: data.status === 'done' ? new Date() : null })
      .where(and(eq(dentalPlanItem.id, data.id), inFacilities(ctx.identity, encounterFacility(dentalPlanItem.encounterId))))
      .returning();
    if (!row) throw notFound('Treatment plan item');
    await ctx.audit.write(tx, { action: 'update', entityType: 'DentalPlanItem', entityId: row.id, patientId: row.patientId, detail: { status: data.status } });
    return row;
  });
}
