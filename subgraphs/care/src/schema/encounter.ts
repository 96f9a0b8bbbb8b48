import { assertPatientAccess, type Context, isUuid, notFound, patientReference, providerReference } from '@clinigraph/kit';
import { builder } from '../builder.ts';
import { type EncounterRow, encounterById, encountersByPatient } from '../services/loaders.ts';

const Patient = patientReference(builder);
const Provider = providerReference(builder);

export const EncounterStatus = builder.enumType('EncounterStatus', { values: ['OPEN', 'IN_CONSULTATION', 'CLOSED'] as const });

export const EncounterRef = builder.objectRef<EncounterRow>('Encounter').implement({
  description: 'One visit: from check-in (or walk-in) to the closed consultation.',
  fields: (t) => ({
    id: t.exposeID('id'),
    status: t.field({ type: EncounterStatus, resolve: (e) => e.status.toUpperCase() as never }),
    chiefComplaint: t.exposeString('chiefComplaint', { nullable: true }),
    openedAt: t.expose('openedAt', { type: 'DateTime' }),
    closedAt: t.expose('closedAt', { type: 'DateTime', nullable: true }),
    patient: t.field({ type: Patient, resolve: (e) => ({ id: e.patientId }) }),
    provider: t.field({ type: Provider, resolve: (e) => ({ id: e.providerId }) }),
  }),
});

async function readEncounter(ctx: Context, id: string): Promise<EncounterRow> {
  const row = isUuid(id) ? await encounterById(ctx).load(id) : null;
  if (!row) throw notFound('Encounter');
  assertPatientAccess(ctx, row.patientId, 'Encounter');
  ctx.audit.record({ action: 'read', entityType: 'Encounter', entityId: row.id, patientId: row.patientId });
  return row;
}

builder.asEntity(EncounterRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: ({ id }, ctx) => readEncounter(ctx, id),
});

builder.objectFields(Patient, (t) => ({
  encounters: t.field({
    type: [EncounterRef],
    resolve: async (p, _a, ctx) => {
      assertPatientAccess(ctx, p.id);
      const rows = (await encountersByPatient(ctx).load(p.id)) ?? [];
      ctx.audit.record({ action: 'read', entityType: 'Encounter', patientId: p.id, detail: { count: rows.length } });
      return rows;
    },
  }),
}));

builder.queryFields((t) => ({
  encounter: t.field({
    type: EncounterRef,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, { id }, ctx) => readEncounter(ctx, String(id)),
  }),
}));
