import { connectionType } from '@clinigraph/kit';
import { builder } from '../builder.ts';
import { type AuditEventRow, auditActor, searchAuditEvents } from '../services/audit.ts';
import { patientInHistory } from '../services/patients.ts';
import { AccountRef } from './account.ts';
import { PatientRef } from './patient.ts';

export const AuditEventRef = builder.objectRef<AuditEventRow>('AuditEvent').implement({
  description: 'One read or write of patient data (or of an account, facility or provider): who, what, which patient, when, from where.',
  fields: (t) => ({
    id: t.id({ resolve: (e) => e.id.toString() }),
    at: t.expose('at', { type: 'DateTime' }),
    actorId: t.id({ nullable: true, resolve: (e) => e.actorId }),
    actor: t.field({ type: AccountRef, nullable: true, resolve: (e, _a, ctx) => auditActor(ctx, e) }),
    actorRoles: t.exposeStringList('actorRoles'),
    action: t.exposeString('action', { description: 'read, search, create, update, delete, login, logout, export, …' }),
    entityType: t.exposeString('entityType'),
    entityId: t.exposeString('entityId', { nullable: true }),
    patientId: t.id({ nullable: true, description: 'The patient whose data it was.', resolve: (e) => e.patientId }),
    patient: t.field({
      type: PatientRef,
      nullable: true,
      description: 'The patient whose data it was, so the trail reads by name and MRN (itself an audited read); a merged record as its tombstone.',
      resolve: (e, _a, ctx) => (e.patientId ? patientInHistory(ctx, e.patientId) : null),
    }),
    service: t.exposeString('service', { description: 'The subgraph that recorded it.' }),
    operation: t.exposeString('operation', { nullable: true, description: 'The GraphQL operation name.' }),
    ip: t.exposeString('ip', { nullable: true }),
    requestId: t.exposeString('requestId', { nullable: true }),
    detail: t.string({ nullable: true, description: 'Details as a JSON object.', resolve: (e) => (e.detail == null ? null : JSON.stringify(e.detail)) }),
  }),
});

const AuditEventConnection = connectionType(builder, 'AuditEvent', AuditEventRef);

const AuditEventFilter = builder.inputType('AuditEventFilter', {
  fields: (t) => ({
    patientId: t.id(),
    actorId: t.id(),
    entityType: t.string({ description: 'e.g. Patient, Appointment, Account.' }),
    entityId: t.string(),
    action: t.string({ description: 'e.g. read, search, create, update, delete, login.' }),
    service: t.string({ description: 'The subgraph that recorded it.' }),
    from: t.field({ type: 'DateTime', description: 'At or after.' }),
    to: t.field({ type: 'DateTime', description: 'At or before.' }),
  }),
});

builder.queryFields((t) => ({
  auditEvents: t.field({
    type: AuditEventConnection,
    description: 'Admins only: the audit trail, newest first.',
    args: { filter: t.arg({ type: AuditEventFilter }), first: t.arg.int(), after: t.arg.string() },
    resolve: (_root, args, ctx) => searchAuditEvents(ctx, args),
  }),
}));
