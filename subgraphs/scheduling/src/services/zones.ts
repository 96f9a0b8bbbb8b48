import { badInput, type DbOrTx } from '@clinigraph/kit';
import { eq } from 'drizzle-orm';
import { facilityZone } from '../db/schema.ts';

/** The facility's IANA zone, as scheduling recorded it; a facility without schedules has none. */
export async function zoneOf(db: DbOrTx, facilityId: string): Promise<string> {
  const [row] = await db.select().from(facilityZone).where(eq(facilityZone.facilityId, facilityId));
  if (!row) throw badInput('This facility has no schedules (and no time zone) in scheduling yet');
  return row.timezone;
}
