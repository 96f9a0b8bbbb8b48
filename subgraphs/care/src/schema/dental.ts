import { builder } from '../builder.ts';
import { isPrimaryTooth } from '../catalogue/fdi.ts';
import { dentalFindingEnum, planStatusEnum } from '../db/schema.ts';
import { assertChartRead } from '../services/access.ts';
import { addTreatmentPlanItem, recordToothFinding, setTreatmentPlanStatus } from '../services/dental.ts';
import { type DentalFindingRow, type DentalPlanItemRow, dentalFindingsByPatient, dentalPlanByPatient } from '../services/loaders.ts';
import { dbEnum, Patient } from './refs.ts';

const DentalFindingKind = dbEnum('DentalFindingKind', dentalFindingEnum.enumValues);
const TreatmentStatus = dbEnum('TreatmentStatus', planStatusEnum.enumValues);

const FindingRef = builder.objectRef<DentalFindingRow>('DentalFinding').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    tooth: t.exposeInt('tooth', { description: 'FDI two-digit number.' }),
    surfaces: t.exposeStringList('surfaces', { description: 'M, O, D, B, L, I.' }),
    finding: t.expose('finding', { type: DentalFindingKind }),
    note: t.exposeString('note', { nullable: true }),
    recordedAt: t.expose('recordedAt', { type: 'DateTime' }),
    encounterId: t.exposeID('encounterId'),
  }),
});

const PlanItemRef = builder.objectRef<DentalPlanItemRow>('TreatmentPlanItem').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    tooth: t.exposeInt('tooth', { nullable: true }),
    procedure: t.exposeString('procedure'),
    priority: t.exposeInt('priority'),
    status: t.expose('status', { type: TreatmentStatus }),
    note: t.exposeString('note', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    completedAt: t.expose('completedAt', { type: 'DateTime', nullable: true }),
  }),
});

interface Tooth {
  tooth: number;
  findings: DentalFindingRow[];
}

const ToothRef = builder.objectRef<Tooth>('ToothRecord').implement({
  fields: (t) => ({
    tooth: t.exposeInt('tooth'),
    primary: t.boolean({ resolve: (x) => isPrimaryTooth(x.tooth) }),
    findings: t.field({ type: [FindingRef], description: 'Oldest first.', resolve: (x) => x.findings }),
    latest: t.field({ type: FindingRef, resolve: (x) => x.findings.at(-1)! }),
  }),
});

const ChartRef = builder.objectRef<{ teeth: Tooth[]; plan: DentalPlanItemRow[] }>('DentalChart').implement({
  description: 'Per-tooth findings in FDI notation and the treatment plan.',
  fields: (t) => ({
    teeth: t.field({ type: [ToothRef], description: 'Teeth with at least one finding, in FDI order.', resolve: (c) => c.teeth }),
    plan: t.field({ type: [PlanItemRef], resolve: (c) => c.plan }),
  }),
});

builder.objectFields(Patient, (t) => ({
  dentalChart: t.field({
    type: ChartRef,
    resolve: async (p, _a, ctx) => {
      assertChartRead(ctx, 'dental', p.id, 'Patient');
      const [findings, plan] = await Promise.all([dentalFindingsByPatient(ctx).load(p.id), dentalPlanByPatient(ctx).load(p.id)]);
      const teeth = new Map<number, DentalFindingRow[]>();
      for (const f of findings ?? []) teeth.set(f.tooth, [...(teeth.get(f.tooth) ?? []), f]);
      ctx.audit.record({ action: 'read', entityType: 'DentalChart', patientId: p.id });
      return { teeth: [...teeth].map(([tooth, list]) => ({ tooth, findings: list })), plan: plan ?? [] };
    },
  }),
}));

const SurfaceEnum = builder.enumType('ToothSurface', { values: ['M', 'O', 'D', 'B', 'L', 'I'] as const });

builder.mutationFields((t) => ({
  recordToothFinding: t.field({
    type: FindingRef,
    description: 'Tooth in FDI notation (11–18, 21–28, 31–38, 41–48; primary 51–55, 61–65, 71–75, 81–85); anything else is BAD_USER_INPUT.',
    args: {
      encounterId: t.arg.id({ required: true }),
      tooth: t.arg.int({ required: true }),
      surfaces: t.arg({ type: [SurfaceEnum] }),
      finding: t.arg({ type: DentalFindingKind, required: true }),
      note: t.arg.string(),
    },
    resolve: (_r, args, ctx) => recordToothFinding(ctx, { ...args, encounterId: String(args.encounterId), surfaces: args.surfaces ?? [] }),
  }),
  addTreatmentPlanItem: t.field({
    type: PlanItemRef,
    args: {
      encounterId: t.arg.id({ required: true }),
      tooth: t.arg.int(),
      procedure: t.arg.string({ required: true }),
      priority: t.arg.int(),
      note: t.arg.string(),
    },
    resolve: (_r, args, ctx) => addTreatmentPlanItem(ctx, { ...args, encounterId: String(args.encounterId), priority: args.priority ?? undefined }),
  }),
  setTreatmentPlanStatus: t.field({
    type: PlanItemRef,
    args: { id: t.arg.id({ required: true }), status: t.arg({ type: TreatmentStatus, required: true }) },
    resolve: (_r, args, ctx) => setTreatmentPlanStatus(ctx, { id: String(args.id), status: args.status }),
  }),
}));
