import { assertFacilityAccess, type Context, type DbOrTx, type Identity, isOwnRecordOnly, notFound, parseInput, requireCapability } from '@clinigraph/kit';
import { eq, inArray, min } from 'drizzle-orm';
import { z } from 'zod';
import { facility } from '../db/schema.ts';
import { uuid } from './inputs.ts';
import type { FacilityRow } from './loaders.ts';

/** How long a staff session may last however active it is: a long shift. Refreshing never goes past it. */
export const STAFF_SESSION_LIFETIME_SECONDS = Number(process.env.CLINIGRAPH_STAFF_SESSION_HOURS ?? 12) * 3600;
/** A patient's session (their own record only) lasts at most this long; it has no idle timeout. */
export const PATIENT_SESSION_LIFETIME_SECONDS = 30 * 24 * 3600;
/** The idle timeout of staff who belong to no facility (a facility's own setting is 15–60 minutes). */
export const DEFAULT_IDLE_MINUTES = 30;

export interface SessionPolicy {
  idleTimeoutSeconds: number | null;
  lifetimeSeconds: number;
}

/** The limits of a new or refreshed session: for staff, the strictest idle timeout of their facilities. */
export async function sessionPolicyFor(db: DbOrTx, identity: Identity): Promise<SessionPolicy> {
  if (isOwnRecordOnly(identity)) return { idleTimeoutSeconds: null, lifetimeSeconds: PATIENT_SESSION_LIFETIME_SECONDS };
  let minutes = DEFAULT_IDLE_MINUTES;
  if (identity.facilityIds?.length) {
    const [row] = await db
      .select({ minutes: min(facility.sessionIdleMinutes) })
      .from(facility)
      .where(inArray(facility.id, identity.facilityIds));
    minutes = row?.minutes ?? DEFAULT_IDLE_MINUTES;
  }
  return { idleTimeoutSeconds: minutes * 60, lifetimeSeconds: STAFF_SESSION_LIFETIME_SECONDS };
}

const idleSchema = z.object({ facilityId: uuid, idleTimeoutMinutes: z.number().int().min(15).max(60) });

/** Sets a facility's staff idle timeout (15–60 minutes). Sessions pick it up at their next refresh. */
export async function setFacilitySessionPolicy(ctx: Context, input: { facilityId: string; idleTimeoutMinutes: number }): Promise<FacilityRow> {
  requireCapability(ctx, 'facility.manage');
  const { facilityId, idleTimeoutMinutes } = parseInput(idleSchema, input);
  assertFacilityAccess(ctx, facilityId, 'Facility');
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select({ minutes: facility.sessionIdleMinutes }).from(facility).where(eq(facility.id, facilityId)).for('update');
    if (!before) throw notFound('Facility');
    const [row] = await tx.update(facility).set({ sessionIdleMinutes: idleTimeoutMinutes }).where(eq(facility.id, facilityId)).returning();
    await ctx.audit.write(tx, {
      action: 'update',
      entityType: 'Facility',
      entityId: facilityId,
      detail: { sessionIdleMinutes: idleTimeoutMinutes, previous: before.minutes },
    });
    return row!;
  });
}
