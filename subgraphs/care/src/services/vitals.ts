import { boundedInstant, type Context, parseInput, requireCapability, SPAN_LIMITS, withinSpan } from '@clinigraph/kit';
import { and, asc, eq, gte, isNotNull, lte } from 'drizzle-orm';
import { z } from 'zod';
import { vitals } from '../db/schema.ts';
import { assertChartRead } from './access.ts';
import { assertOpen, lockEncounter } from './encounters.ts';
import type { VitalsRow } from './loaders.ts';
import { chartVisible, encounterFacility } from './scope.ts';

/** Plausibility ranges: a value outside is a typing error, not a patient. The database enforces the same ranges. */
export const VITAL_RANGES = {
  systolic: [50, 300],
  diastolic: [20, 200],
  pulse: [20, 250],
  temperatureC: [30, 45],
  respiratoryRate: [4, 80],
  spo2: [50, 100],
  weightKg: [0.3, 400],
  heightCm: [20, 260],
  painScore: [0, 10],
} as const;

type Measure = keyof typeof VITAL_RANGES;

const ranged = (m: Measure, integer: boolean) => {
  const [min, max] = VITAL_RANGES[m];
  const base = integer ? z.int() : z.number();
  return base.min(min, `${m} must be at least ${min}`).max(max, `${m} must be at most ${max}`).nullish();
};

const vitalsInput = z
  .object({
    encounterId: z.string(),
    systolic: ranged('systolic', true),
    diastolic: ranged('diastolic', true),
    pulse: ranged('pulse', true),
    temperatureC: ranged('temperatureC', false),
    respiratoryRate: ranged('respiratoryRate', true),
    spo2: ranged('spo2', true),
    weightKg: ranged('weightKg', false),
    heightCm: ranged('heightCm', false),
    painScore: ranged('painScore', true),
  })
  .refine((v) => (v.systolic == null) === (v.diastolic == null), { message: 'Blood pressure needs both systolic and diastolic', path: ['diastolic'] })
  .refine((v) => v.systolic == null || v.diastolic == null || v.diastolic < v.systolic, { message: 'Diastolic must be below systolic', path: ['diastolic'] })
  .refine((v) => (Object.keys(VITAL_RANGES) as Measure[]).some((m) => v[m] != null), { message: 'Record at least one measurement' });

/** Nurses and doctors record vitals on an encounter that is not closed. */
export async function recordVitals(ctx: Context, input: z.input<typeof vitalsInput>): Promise<VitalsRow> {
  const identity = requireCapability(ctx, 'vitals.record');
  const { encounterId, ...measures } = parseInput(vitalsInput, input);
  return ctx.db.transaction(async (tx) => {
    const enc = await lockEncounter(ctx, tx, encounterId);
    assertOpen(enc);
    const [row] = await tx
      .insert(vitals)
      .values({ encounterId: enc.id, patientId: enc.patientId, recordedBy: identity.userId, ...measures })
      .returning();
    await ctx.audit.write(tx, { action: 'create', entityType: 'Vitals', entityId: row!.id, patientId: enc.patientId });
    return row!;
  });
}

export const TrendMeasures = ['systolic', 'diastolic', 'pulse', 'temperatureC', 'respiratoryRate', 'spo2', 'weightKg', 'heightCm', 'bmi', 'painScore'] as const;
export type TrendMeasure = (typeof TrendMeasures)[number];

const trendInput = z
  .object({
    patientId: z.uuid(),
    measure: z.enum(TrendMeasures),
    from: boundedInstant.nullish(),
    to: boundedInstant.nullish(),
    limit: z.int().min(1).max(1000).nullish(),
  })
  .superRefine(withinSpan(SPAN_LIMITS.vitalsTrend));

/** One measure over time, oldest first: what a trend chart plots. */
export async function vitalsTrend(ctx: Context, input: z.input<typeof trendInput>): Promise<{ at: Date; value: number; vitalsId: string }[]> {
  const data = parseInput(trendInput, input);
  assertChartRead(ctx, 'vitals', data.patientId, 'Patient');
  const column = vitals[data.measure];
  const rows = await ctx.db
    .select({ at: vitals.recordedAt, value: column, vitalsId: vitals.id })
    .from(vitals)
    .where(
      and(
        eq(vitals.patientId, data.patientId),
        chartVisible(ctx.identity, encounterFacility(vitals.encounterId), vitals.patientId),
        isNotNull(column),
        data.from ? gte(vitals.recordedAt, data.from) : undefined,
        data.to ? lte(vitals.recordedAt, data.to) : undefined,
      ),
    )
    .orderBy(asc(vitals.recordedAt))
    .limit(data.limit ?? 500);
  ctx.audit.record({ action: 'read', entityType: 'Vitals', patientId: data.patientId, detail: { trend: data.measure, points: rows.length } });
  return rows.map((r) => ({ at: r.at, value: Number(r.value), vitalsId: r.vitalsId }));
}
