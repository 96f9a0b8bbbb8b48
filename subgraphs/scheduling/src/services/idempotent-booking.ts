import { type Context, idempotent } from '@clinigraph/kit';
import { eq } from 'drizzle-orm';
import { appointment, idempotencyKey } from '../db/schema.ts';
import { bookAppointment, bookSeries } from './booking.ts';
import type { AppointmentRow } from './loaders.ts';

/** The appointment a booking created, for a retry of it (its caller booked it, so may see it). */
async function bookedAppointment(ctx: Context, id: string): Promise<AppointmentRow> {
  const [row] = await ctx.db.select().from(appointment).where(eq(appointment.id, id));
  if (!row) throw new Error(`appointment ${id} of an idempotency key is gone`);
  return row;
}

/** bookAppointment, at most once per idempotency key: a retry answers the appointment the first request booked. */
export const bookAppointmentOnce = (ctx: Context, input: unknown, key: string | null | undefined): Promise<AppointmentRow> =>
  idempotent(ctx, { table: idempotencyKey, operation: 'bookAppointment', key, input, idOf: (row) => row.id, replay: bookedAppointment }, (scoped) =>
    bookAppointment(scoped, input),
  );

/** bookSeries, at most once per idempotency key: a retry answers the series the first request booked. */
export const bookSeriesOnce = (ctx: Context, input: unknown, key: string | null | undefined): Promise<{ id: string }> =>
  idempotent(
    ctx,
    { table: idempotencyKey, operation: 'bookSeries', key, input, idOf: (series) => series.id, replay: async (_ctx, id) => ({ id }) },
    async (scoped) => ({ id: (await bookSeries(scoped, input)).seriesId }),
  );
