import {
  type AppointmentEventPayload,
  type AuditLog,
  assertFacilityAccess,
  assertRange,
  type Context,
  type DbOrTx,
  type EncounterChangedPayload,
  type EventRow,
  emitEvent,
  invalidState,
  isUuid,
  log,
  notFound,
  parseInput,
  requireCapability,
  SPAN_LIMITS,
  Topics,
  type Tx,
} from '@clinigraph/kit';
import { and, asc, between, count, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { diagnosis, encounter, note, prescription, prescriptionItem } from '../db/schema.ts';
import { callerProviderId } from './access.ts';
import type { EncounterRow } from './loaders.ts';
import { inFacilities } from './scope.ts';

type Status = EncounterRow['status'];

/**
 * Locks an encounter for a write that depends on its state. Another facility's encounter is NOT_FOUND:
 * staff change only their facilities' records (break-the-glass opens a chart for reading, not writing).
 */
export async function lockEncounter(ctx: Context, tx: Tx, id: string): Promise<EncounterRow> {
  const [row] = isUuid(id)
    ? await tx
        .select()
        .from(encounter)
        .where(and(eq(encounter.id, id), inFacilities(ctx.identity, encounter.facilityId)))
        .for('update')
    : [];
  if (!row) throw notFound('Encounter');
  return row;
}

/** Clinical content is added only while the encounter is not closed. */
export function assertOpen(row: EncounterRow): void {
  if (row.status === 'closed') throw invalidState('The encounter is closed; nothing more can be added to it', { rule: 'ENCOUNTER_CLOSED' });
}

async function emitEncounterChanged(tx: DbOrTx, row: EncounterRow, previousStatus: Status | null, actorId: string | null): Promise<void> {
  const payload: EncounterChangedPayload = {
    status: row.status,
    previousStatus,
    origin: row.origin,
    appointmentId: row.appointmentId,
    followUp:
      row.status === 'closed' && row.followUpOn
        ? { recommendedOn: row.followUpOn, reason: row.followUpReason, providerId: row.followUpProviderId ?? row.providerId }
        : null,
  };
  await emitEvent(tx, {
    topic: Topics.encounterChanged,
    entityType: 'Encounter',
    entityId: row.id,
    facilityId: row.facilityId,
    patientId: row.patientId,
    providerId: row.providerId,
    actorId,
    payload: payload as unknown as Record<string, unknown>,
  });
}

/**
 * The check-in consumer's handler: opens exactly one encounter per appointment. A replayed or
 * duplicated event meets the unique appointment id and changes nothing.
 */
export async function openFromCheckIn(tx: Tx, event: EventRow, audit: AuditLog): Promise<void> {
  const { patientId, providerId, facilityId, entityId } = event;
  if (!patientId || !providerId || !facilityId || !isUuid(entityId)) {
    log.warn({ eventId: String(event.id) }, 'appointment.checked_in without patient, provider, facility or appointment id; skipped');
    return;
  }
  const { reason } = event.payload as Partial<AppointmentEventPayload>;
  const [row] = await tx
    .insert(encounter)
    .values({
      patientId,
      providerId,
      facilityId,
      appointmentId: entityId,
      origin: 'appointment',
      chiefComplaint: typeof reason === 'string' ? reason : null,
      openedAt: event.createdAt,
    })
    .onConflictDoNothing({ target: encounter.appointmentId })
    .returning();
  if (!row) return;
  await audit.write(tx, {
    action: 'create',
    entityType: 'Encounter',
    entityId: row.id,
    patientId,
    detail: { from: 'appointment.checked_in', appointmentId: entityId },
  });
  await emitEncounterChanged(tx, row, null, null);
}

const walkInInput = z.object({
  patientId: z.uuid(),
  facilityId: z.uuid(),
  providerId: z.uuid().nullish(),
  chiefComplaint: z.string().trim().max(500).nullish(),
});

export async function openWalkIn(ctx: Context, input: z.input<typeof walkInInput>): Promise<EncounterRow> {
  const identity = requireCapability(ctx, 'encounter.open');
  const data = parseInput(walkInInput, input);
  assertFacilityAccess(ctx, data.facilityId, 'Facility');
  const providerId = data.providerId ?? callerProviderId(identity);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(encounter)
      .values({ patientId: data.patientId, facilityId: data.facilityId, providerId, origin: 'walk_in', chiefComplaint: data.chiefComplaint ?? null })
      .returning();
    if (!row) throw new Error('encounter insert returned nothing');
    await ctx.audit.write(tx, { action: 'create', entityType: 'Encounter', entityId: row.id, patientId: row.patientId, detail: { origin: 'walk_in' } });
    await emitEncounterChanged(tx, row, null, identity.userId);
    return row;
  });
}

export async function startConsultation(ctx: Context, id: string): Promise<EncounterRow> {
  const identity = requireCapability(ctx, 'clinical.write');
  return ctx.db.transaction(async (tx) => {
    const current = await lockEncounter(ctx, tx, id);
    if (current.status !== 'open') throw invalidState(`The encounter is ${current.status.replace('_', ' ')}, not open`, { rule: 'ENCOUNTER_NOT_OPEN' });
    const [row] = await tx.update(encounter).set({ status: 'in_consultation', consultationStartedAt: new Date() }).where(eq(encounter.id, id)).returning();
    await ctx.audit.write(tx, { action: 'update', entityType: 'Encounter', entityId: id, patientId: current.patientId, detail: { status: 'in_consultation' } });
    await emitEncounterChanged(tx, row!, current.status, identity.userId);
    return row!;
  });
}

const followUpInput = z
  .object({
    inDays: z.int().min(1).max(730).nullish(),
    on: z.iso.date().nullish(),
    reason: z.string().trim().max(500).nullish(),
    providerId: z.uuid().nullish(),
  })
  .refine((f) => (f.inDays == null) !== (f.on == null), { message: 'Give either inDays or on', path: ['inDays'] });

const closeInput = z.object({ id: z.string(), followUp: followUpInput.nullish() });

const today = () => new Date().toISOString().slice(0, 10);
const addDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** The rules a closed encounter must satisfy, each named, all checked at once. */
/**
 * A draft with no medicine on it holds nothing clinical: closing the visit discards it (cancelled,
 * audited) instead of refusing. Drafts with lines still block closing until finalised or discarded.
 */
async function discardEmptyDrafts(ctx: Context, tx: Tx, row: EncounterRow): Promise<void> {
  const discarded = await tx
    .update(prescription)
    .set({ status: 'cancelled', cancelledAt: new Date(), cancelReason: 'Empty draft discarded when the visit was closed', updatedAt: new Date() })
    .where(
      and(
        eq(prescription.encounterId, row.id),
        eq(prescription.status, 'draft'),
        sql`not exists (select 1 from ${prescriptionItem} where ${prescriptionItem.prescriptionId} = ${prescription.id})`,
      ),
    )
    .returning({ id: prescription.id });
  for (const { id } of discarded)
    await ctx.audit.write(tx, {
      action: 'update',
      entityType: 'Prescription',
      entityId: id,
      patientId: row.patientId,
      detail: { status: 'cancelled', from: 'draft', empty: true },
    });
}

async function closingViolations(tx: Tx, row: EncounterRow): Promise<{ rule: string; message: string }[]> {
  const violations: { rule: string; message: string }[] = [];
  if (row.status !== 'in_consultation') violations.push({ rule: 'ENCOUNTER_NOT_IN_CONSULTATION', message: 'Start the consultation before closing' });
  const [[diagnoses], [notes], [drafts]] = await Promise.all([
    tx.select({ n: count() }).from(diagnosis).where(eq(diagnosis.encounterId, row.id)),
    tx.select({ n: count() }).from(note).where(eq(note.encounterId, row.id)),
    tx
      .select({ n: count() })
      .from(prescription)
      .where(and(eq(prescription.encounterId, row.id), eq(prescription.status, 'draft'))),
  ]);
  if (!diagnoses?.n && !notes?.n) violations.push({ rule: 'ENCOUNTER_NEEDS_DIAGNOSIS_OR_NOTE', message: 'Record at least one diagnosis or note' });
  if (drafts?.n) violations.push({ rule: 'DRAFT_PRESCRIPTIONS_OPEN', message: `${drafts.n} draft prescription(s) must be finalised or discarded` });
  return violations;
}

export async function closeEncounter(ctx: Context, input: z.input<typeof closeInput>): Promise<EncounterRow> {
  const identity = requireCapability(ctx, 'clinical.write');
  const data = parseInput(closeInput, input);
  const followUpOn = data.followUp ? (data.followUp.on ?? addDays(data.followUp.inDays!)) : null;
  if (followUpOn && followUpOn <= today()) throw invalidState('A follow-up must be after today', { rule: 'FOLLOW_UP_IN_PAST' });
  return ctx.db.transaction(async (tx) => {
    const current = await lockEncounter(ctx, tx, data.id);
    if (current.status === 'closed') throw invalidState('The encounter is already closed', { rule: 'ENCOUNTER_CLOSED' });
    await discardEmptyDrafts(ctx, tx, current);
    const violations = await closingViolations(tx, current);
    if (violations.length) {
      throw invalidState(`The encounter cannot be closed: ${violations.map((v) => `${v.rule} (${v.message})`).join('; ')}`, {
        rule: violations[0]!.rule,
        violations,
      });
    }
    const [row] = await tx
      .update(encounter)
      .set({
        status: 'closed',
        closedAt: sql`now()`,
        closedBy: identity.userId,
        followUpOn,
        followUpReason: data.followUp?.reason ?? null,
        followUpProviderId: followUpOn ? (data.followUp?.providerId ?? current.providerId) : null,
      })
      .where(eq(encounter.id, current.id))
      .returning();
    await ctx.audit.write(tx, {
      action: 'update',
      entityType: 'Encounter',
      entityId: current.id,
      patientId: current.patientId,
      detail: { status: 'closed', followUpOn },
    });
    await emitEncounterChanged(tx, row!, current.status, identity.userId);
    return row!;
  });
}

/** Encounters not yet closed for a provider (default: the caller), oldest first: at the caller's facilities only. */
export async function encounterQueue(ctx: Context, providerId: string | null): Promise<EncounterRow[]> {
  const identity = requireCapability(ctx, 'encounter.queue.read');
  const provider = providerId ?? identity.providerId;
  if (!provider) return [];
  const rows = await ctx.db
    .select()
    .from(encounter)
    .where(and(eq(encounter.providerId, provider), inArray(encounter.status, ['open', 'in_consultation']), inFacilities(identity, encounter.facilityId)))
    .orderBy(asc(encounter.openedAt))
    .limit(200);
  for (const r of rows) ctx.audit.record({ action: 'read', entityType: 'Encounter', entityId: r.id, patientId: r.patientId });
  return rows;
}

/** Closed encounters at the caller's facilities whose recommended follow-up falls in the range, soonest first. */
export async function followUpRecommendations(ctx: Context, from: string, to: string): Promise<EncounterRow[]> {
  const identity = requireCapability(ctx, 'encounter.queue.read');
  assertRange({ from, to }, SPAN_LIMITS.report);
  const rows = await ctx.db
    .select()
    .from(encounter)
    .where(and(between(encounter.followUpOn, from, to), inFacilities(identity, encounter.facilityId)))
    .orderBy(asc(encounter.followUpOn))
    .limit(500);
  for (const r of rows) ctx.audit.record({ action: 'read', entityType: 'Encounter', entityId: r.id, patientId: r.patientId });
  return rows;
}
