import type { DbOrTx } from '@clinigraph/kit';
import { and, desc, eq, gt, inArray, isNull, lte, or } from 'drizzle-orm';
import { billingFacility, priceListEntry, providerSpecialty } from '../db/schema.ts';
import type { PriceListEntryRow } from './loaders.ts';

export type ServiceType = PriceListEntryRow['serviceType'];

/** The currency of a facility that has no billing settings yet. */
export const FALLBACK_CURRENCY = 'USD';

export interface PriceQuery {
  facilityId: string;
  serviceType: ServiceType;
  /** The service date, YYYY-MM-DD, in the facility's time zone. */
  on: string;
  providerId?: string | null;
  specialty?: string | null;
  itemId?: string | null;
  code?: string | null;
}

/**
 * The keys that could price a service, most specific first: a consultation is priced for its
 * provider, else the provider's specialty, else the facility's default consultation.
 */
async function candidateKeys(db: DbOrTx, q: PriceQuery): Promise<string[]> {
  if (q.serviceType === 'consultation') {
    let specialty = q.specialty ?? null;
    if (!specialty && q.providerId) {
      const [row] = await db.select().from(providerSpecialty).where(eq(providerSpecialty.providerId, q.providerId));
      specialty = row?.specialty ?? null;
    }
    return [q.providerId ? `provider:${q.providerId}` : null, specialty ? `specialty:${specialty.toLowerCase()}` : null, 'default'].filter(
      (k): k is string => !!k,
    );
  }
  if (q.serviceType === 'medicine') return q.itemId ? [`item:${q.itemId}`] : [];
  return q.code ? [`code:${q.code.toUpperCase()}`] : [];
}

/** The price in effect for a service at a facility on a date, or null when the price list has none. */
export async function findEffectivePrice(db: DbOrTx, q: PriceQuery): Promise<PriceListEntryRow | null> {
  const keys = await candidateKeys(db, q);
  if (keys.length === 0) return null;
  const rows = await db
    .select()
    .from(priceListEntry)
    .where(
      and(
        eq(priceListEntry.facilityId, q.facilityId),
        eq(priceListEntry.serviceType, q.serviceType),
        inArray(priceListEntry.matchKey, keys),
        lte(priceListEntry.effectiveFrom, q.on),
        or(isNull(priceListEntry.effectiveTo), gt(priceListEntry.effectiveTo, q.on)),
      ),
    )
    .orderBy(desc(priceListEntry.effectiveFrom));
  for (const key of keys) {
    const match = rows.find((r) => r.matchKey === key);
    if (match) return match;
  }
  return null;
}

export interface FacilityBilling {
  timeZone: string;
  currency: string;
}

export async function facilityBilling(db: DbOrTx, facilityId: string | null): Promise<FacilityBilling> {
  const [row] = facilityId ? await db.select().from(billingFacility).where(eq(billingFacility.facilityId, facilityId)) : [];
  return { timeZone: row?.timeZone ?? 'UTC', currency: row?.currency ?? FALLBACK_CURRENCY };
}

/** The calendar date of an instant in a time zone, YYYY-MM-DD. */
export function localDate(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

export const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};
