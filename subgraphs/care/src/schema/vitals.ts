import { builder } from '../builder.ts';
import { assertChartRead } from '../services/access.ts';
import { type VitalsRow, vitalsByEncounter, vitalsByPatient } from '../services/loaders.ts';
import { readList } from '../services/reads.ts';
import { recordVitals, TrendMeasures, VITAL_RANGES, vitalsTrend } from '../services/vitals.ts';
import { EncounterRef } from './encounter.ts';
import { Patient } from './refs.ts';

const num = (v: number | null) => (v === null ? null : Number(v));

export const VitalsRef = builder.objectRef<VitalsRow>('Vitals').implement({
  description: `One set of measurements. Plausible ranges: ${Object.entries(VITAL_RANGES)
    .map(([k, [lo, hi]]) => `${k} ${lo}–${hi}`)
    .join(', ')}.`,
  fields: (t) => ({
    id: t.exposeID('id'),
    recordedAt: t.expose('recordedAt', { type: 'DateTime' }),
    systolic: t.exposeInt('systolic', { nullable: true, description: 'mmHg' }),
    diastolic: t.exposeInt('diastolic', { nullable: true, description: 'mmHg' }),
    pulse: t.exposeInt('pulse', { nullable: true, description: 'beats per minute' }),
    temperatureC: t.float({ nullable: true, resolve: (v) => num(v.temperatureC) }),
    respiratoryRate: t.exposeInt('respiratoryRate', { nullable: true, description: 'breaths per minute' }),
    spo2: t.exposeInt('spo2', { nullable: true, description: 'oxygen saturation, %' }),
    weightKg: t.float({ nullable: true, resolve: (v) => num(v.weightKg) }),
    heightCm: t.float({ nullable: true, resolve: (v) => num(v.heightCm) }),
    bmi: t.float({ nullable: true, description: 'Computed by the database from weight and height.', resolve: (v) => num(v.bmi) }),
    painScore: t.exposeInt('painScore', { nullable: true, description: '0–10' }),
  }),
});

const VitalMeasure = builder.enumType('VitalMeasure', {
  values: Object.fromEntries(TrendMeasures.map((m) => [m.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase(), { value: m }])) as Record<
    string,
    { value: (typeof TrendMeasures)[number] }
  >,
});

const VitalPoint = builder.objectRef<{ at: Date; value: number; vitalsId: string }>('VitalPoint').implement({
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime' }),
    value: t.exposeFloat('value'),
    vitalsId: t.exposeID('vitalsId'),
  }),
});

builder.objectFields(EncounterRef, (t) => ({
  vitals: t.field({
    type: [VitalsRef],
    resolve: async (e, _a, ctx) => readList(ctx, 'vitals', e.patientId, 'Vitals', (await vitalsByEncounter(ctx).load(e.id)) ?? []),
  }),
}));

builder.objectFields(Patient, (t) => ({
  vitals: t.field({
    type: [VitalsRef],
    description: 'Newest first.',
    args: { first: t.arg.int({ defaultValue: 20 }) },
    resolve: async (p, { first }, ctx) => {
      assertChartRead(ctx, 'vitals', p.id, 'Patient');
      const rows = ((await vitalsByPatient(ctx).load(p.id)) ?? []).slice(0, Math.min(Math.max(first ?? 20, 1), 200));
      return readList(ctx, 'vitals', p.id, 'Vitals', rows);
    },
  }),
}));

const RecordVitalsInput = builder.inputType('RecordVitalsInput', {
  fields: (t) => ({
    encounterId: t.id({ required: true }),
    systolic: t.int(),
    diastolic: t.int(),
    pulse: t.int(),
    temperatureC: t.float(),
    respiratoryRate: t.int(),
    spo2: t.int(),
    weightKg: t.float(),
    heightCm: t.float(),
    painScore: t.int(),
  }),
});

builder.queryFields((t) => ({
  vitalsTrend: t.field({
    type: [VitalPoint],
    description: 'One measure of a patient over time, oldest first.',
    args: {
      patientId: t.arg.id({ required: true }),
      measure: t.arg({ type: VitalMeasure, required: true }),
      from: t.arg({ type: 'DateTime' }),
      to: t.arg({ type: 'DateTime' }),
      limit: t.arg.int(),
    },
    resolve: (_r, args, ctx) => vitalsTrend(ctx, { ...args, patientId: String(args.patientId) }),
  }),
}));

builder.mutationFields((t) => ({
  recordVitals: t.field({
    type: VitalsRef,
    description: 'Nurses and doctors. Implausible values are refused (BAD_USER_INPUT) and nothing is stored.',
    args: { input: t.arg({ type: RecordVitalsInput, required: true }) },
    resolve: (_r, { input }, ctx) => recordVitals(ctx, input),
  }),
}));
