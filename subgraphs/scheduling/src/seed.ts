import type { Db, SeedRefs } from '@clinigraph/kit';
import { appointment, appointmentType } from './db/schema.ts';

export async function seedScheduling(db: Db, refs: SeedRefs): Promise<void> {
  const existing = await db.select({ id: appointmentType.id }).from(appointmentType).limit(1);
  if (existing.length) return;
  const types = await db
    .insert(appointmentType)
    .values([
      { code: 'CONSULT', name: 'Consultation', durationMinutes: 20 },
      { code: 'FOLLOWUP', name: 'Follow-up', durationMinutes: 15 },
      { code: 'DENTAL', name: 'Dental check-up', durationMinutes: 30 },
    ])
    .returning();
  const start = new Date();
  start.setUTCHours(start.getUTCHours() + 2, 0, 0, 0);
  await db.insert(appointment).values(
    refs.patientIds.slice(0, 2).map((patientId, i) => ({
      facilityId: refs.facilityId,
      providerId: refs.providerIds[0]!,
      patientId,
      typeId: types[0]!.id,
      startsAt: new Date(start.getTime() + i * 20 * 60_000),
      endsAt: new Date(start.getTime() + (i + 1) * 20 * 60_000),
      reason: i === 0 ? 'Persistent cough' : 'Annual check-up',
    })),
  );
}
