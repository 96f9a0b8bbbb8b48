import type { Context, Issuer } from '@clinigraph/kit';
import { encounterById } from './loaders.ts';
import { peerEntities } from './peers.ts';

interface FacilityCard {
  name: string;
  address: string | null;
  phone: string | null;
  timezone: string;
}

/** Who a printed document comes from (the facility, as on its letterhead) and the zone its dates are read in. */
export interface Letterhead {
  issuer: Issuer;
  timezone: string;
}

const CLINIC = process.env.CLINIGRAPH_CLINIC_NAME ?? 'Clinigraph clinic';

const letterheadOf = (facility: FacilityCard | null | undefined): Letterhead =>
  facility
    ? { issuer: { name: facility.name, address: facility.address, phone: facility.phone }, timezone: facility.timezone }
    : { issuer: { name: CLINIC }, timezone: 'UTC' };

/**
 * The letterhead of a care handout: the facility of the visit it comes from, else the first facility of
 * the clinician who signs it, else the clinic's name (CLINIGRAPH_CLINIC_NAME) with dates in UTC. Read
 * from people as the caller.
 */
export async function letterhead(ctx: Context, from: { encounterId?: string | null; providerId?: string | null }): Promise<Letterhead> {
  const visit = from.encounterId ? await encounterById(ctx).load(from.encounterId) : null;
  if (visit) {
    const [facility] = await peerEntities<FacilityCard>(ctx, 'people', 'Facility', [visit.facilityId], 'name address phone timezone', 'Printing');
    return letterheadOf(facility);
  }
  if (!from.providerId) return letterheadOf(null);
  const [provider] = await peerEntities<{ facilities: FacilityCard[] }>(
    ctx,
    'people',
    'Provider',
    [from.providerId],
    'facilities { name address phone timezone }',
    'Printing',
  );
  return letterheadOf(provider?.facilities[0]);
}
