import { type Context, invalidState, isUuid, notFound, parseInput, requireCapability } from '@clinigraph/kit';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { referral } from '../db/schema.ts';
import { assertOpen, lockEncounter } from './encounters.ts';
import { reasonText } from './filing.ts';
import type { ReferralRow } from './loaders.ts';
import { encounterFacility, inFacilities } from './scope.ts';

const createInput = z
  .object({
    encounterId: z.string(),
    toProviderId: z.uuid().nullish(),
    toSpecialty: z.string().trim().min(2, 'Name the specialty or department').max(100, 'Keep it to 100 characters').nullish(),
    reason: reasonText(2000),
    urgency: z.enum(['routine', 'urgent', 'emergency']).default('routine'),
  })
  .refine((r) => r.toProviderId || r.toSpecialty, { message: 'Refer to a provider or a specialty/department', path: ['toSpecialty'] });

export async function createReferral(ctx: Context, input: z.input<typeof createInput>): Promise<ReferralRow> {
  const identity = requireCapability(ctx, 'clinical.write');
  const data = parseInput(createInput, input);
  return ctx.db.transaction(async (tx) => {
    const enc = await lockEncounter(ctx, tx, data.encounterId);
    assertOpen(enc);
    const [row] = await tx
      .insert(referral)
      .values({
        encounterId: enc.id,
        patientId: enc.patientId,
        fromProviderId: identity.providerId ?? enc.providerId,
        toProviderId: data.toProviderId ?? null,
        toSpecialty: data.toSpecialty ?? null,
        reason: data.reason,
        urgency: data.urgency,
        createdBy: identity.userId,
      })
      .returning();
    await ctx.audit.write(tx, { action: 'create', entityType: 'Referral', entityId: row!.id, patientId: enc.patientId });
    return row!;
  });
}

const NEXT: Record<ReferralRow['status'], ReferralRow['status'][]> = {
  sent: ['accepted', 'cancelled'],
  accepted: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

const statusInput = z.object({ id: z.string(), status: z.enum(['accepted', 'completed', 'cancelled']) });

/** sent → accepted → completed, or cancelled before completion. */
export async function setReferralStatus(ctx: Context, input: z.input<typeof statusInput>): Promise<ReferralRow> {
  requireCapability(ctx, 'referral.status.update');
  const data = parseInput(statusInput, input);
  return ctx.db.transaction(async (tx) => {
    const [current] = isUuid(data.id)
      ? await tx
          .select()
          .from(referral)
          .where(and(eq(referral.id, data.id), inFacilities(ctx.identity, encounterFacility(referral.encounterId))))
          .for('update')
      : [];
    if (!current) throw notFound('Referral');
    if (!NEXT[current.status].includes(data.status)) {
      throw invalidState(`A ${current.status} referral cannot become ${data.status}`, { rule: 'REFERRAL_WRONG_STATE' });
    }
    const [row] = await tx.update(referral).set({ status: data.status, updatedAt: new Date() }).where(eq(referral.id, current.id)).returning();
    await ctx.audit.write(tx, {
      action: 'update',
      entityType: 'Referral',
      entityId: current.id,
      patientId: current.patientId,
      detail: { status: data.status },
    });
    return row!;
  });
}
