import { badInput, type Context, emitEvent, isUuid, notFound, parseInput, requireCapability, type Tx, translateDbError } from '@clinigraph/kit';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { appointmentType, typeOffering } from '../db/schema.ts';
import type { AppointmentTypeRow } from './loaders.ts';
import { SCHEDULE_TOPIC } from './schedules.ts';
import { uuid } from './writes.ts';

const minutes = (max: number) => z.number().int().min(0).max(max);
const TypeFields = {
  name: z.string().trim().min(1).max(120),
  durationMinutes: z.number().int().min(5).max(480),
  bufferBeforeMinutes: minutes(240),
  bufferAfterMinutes: minutes(240),
  bookingPolicy: z.enum(['patient_instant', 'patient_request', 'staff_only']),
  providerIds: z.array(uuid).max(500),
};
const CreateType = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9_]{2,30}$/, 'must be 2–30 capital letters, digits or _'),
  ...TypeFields,
  bufferBeforeMinutes: TypeFields.bufferBeforeMinutes.nullish(),
  bufferAfterMinutes: TypeFields.bufferAfterMinutes.nullish(),
  bookingPolicy: TypeFields.bookingPolicy.nullish(),
  providerIds: TypeFields.providerIds.nullish(),
});
const UpdateType = z.object({
  name: TypeFields.name.nullish(),
  durationMinutes: TypeFields.durationMinutes.nullish(),
  bufferBeforeMinutes: TypeFields.bufferBeforeMinutes.nullish(),
  bufferAfterMinutes: TypeFields.bufferAfterMinutes.nullish(),
  bookingPolicy: TypeFields.bookingPolicy.nullish(),
  providerIds: TypeFields.providerIds.nullish(),
  active: z.boolean().nullish(),
});

async function setOfferings(tx: Tx, typeId: string, providerIds: string[]) {
  await tx.delete(typeOffering).where(eq(typeOffering.typeId, typeId));
  const unique = [...new Set(providerIds)];
  if (unique.length) await tx.insert(typeOffering).values(unique.map((providerId) => ({ typeId, providerId })));
}

const emitTypeChange = (tx: Tx, row: AppointmentTypeRow, kind: string, actorId: string) =>
  emitEvent(tx, { topic: SCHEDULE_TOPIC, entityType: 'AppointmentType', entityId: row.id, actorId, payload: { kind } });

/** New appointment types apply to new bookings; existing appointments keep the duration and buffers they were booked with. */
export async function createAppointmentType(ctx: Context, raw: unknown): Promise<AppointmentTypeRow> {
  const identity = requireCapability(ctx, 'schedule.manage');
  const input = parseInput(CreateType, raw);
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(appointmentType)
        .values({
          code: input.code,
          name: input.name,
          durationMinutes: input.durationMinutes,
          bufferBeforeMinutes: input.bufferBeforeMinutes ?? 0,
          bufferAfterMinutes: input.bufferAfterMinutes ?? 0,
          bookingPolicy: input.bookingPolicy ?? 'patient_instant',
        })
        .returning();
      await setOfferings(tx, row!.id, input.providerIds ?? []);
      await emitTypeChange(tx, row!, 'created', identity.userId);
      return row!;
    });
  } catch (err) {
    translateDbError(err, { appointment_type_code_unique: () => badInput(`An appointment type with code ${input.code} already exists`) });
  }
}

export async function updateAppointmentType(ctx: Context, id: string, raw: unknown): Promise<AppointmentTypeRow> {
  const identity = requireCapability(ctx, 'schedule.manage');
  const input = parseInput(UpdateType, raw);
  if (!isUuid(id)) throw notFound('Appointment type');
  return ctx.db.transaction(async (tx) => {
    const { providerIds, ...fields } = input;
    const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null && v !== undefined));
    const [row] = Object.keys(set).length
      ? await tx.update(appointmentType).set(set).where(eq(appointmentType.id, id)).returning()
      : await tx.select().from(appointmentType).where(eq(appointmentType.id, id));
    if (!row) throw notFound('Appointment type');
    if (providerIds) await setOfferings(tx, id, providerIds);
    await emitTypeChange(tx, row, 'updated', identity.userId);
    return row;
  });
}
