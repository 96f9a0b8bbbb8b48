/** A lot's stock at one location, as FEFO sees it. */
export interface LotStock {
  lotId: string;
  lotNumber: string;
  /** YYYY-MM-DD, or null for stock that does not expire. */
  expiresOn: string | null;
  quantity: number;
}

export interface Allocation {
  lotId: string;
  lotNumber: string;
  expiresOn: string | null;
  quantity: number;
}

export interface FefoResult {
  allocations: Allocation[];
  /** Usable stock: unexpired lots only. */
  available: number;
  /** What could not be covered (0 when the request is met in full). */
  shortfall: number;
}

/**
 * A lot is unusable from its expiry date on: `expiresOn` is the first day it may not be given.
 * Dates compare as YYYY-MM-DD strings.
 */
export const isExpired = (expiresOn: string | null, today: string): boolean => expiresOn !== null && expiresOn <= today;

/** FEFO order: earliest expiry first, non-expiring stock last, then lot id so the order is stable. */
export function fefoOrder(a: Pick<LotStock, 'lotId' | 'expiresOn'>, b: Pick<LotStock, 'lotId' | 'expiresOn'>): number {
  if (a.expiresOn !== b.expiresOn) {
    if (a.expiresOn === null) return 1;
    if (b.expiresOn === null) return -1;
    return a.expiresOn < b.expiresOn ? -1 : 1;
  }
  return a.lotId < b.lotId ? -1 : a.lotId > b.lotId ? 1 : 0;
}

/**
 * First-expiry-first-out: takes `needed` units from the earliest-expiring unexpired lots, splitting
 * across lots when one is not enough. Expired lots are never taken. Pure: the caller holds the locks.
 */
export function allocateFefo(stock: readonly LotStock[], needed: number, today: string): FefoResult {
  const usable = stock.filter((s) => s.quantity > 0 && !isExpired(s.expiresOn, today)).sort(fefoOrder);
  const available = usable.reduce((sum, s) => sum + s.quantity, 0);
  const allocations: Allocation[] = [];
  let remaining = needed;
  for (const s of usable) {
    if (remaining <= 0) break;
    const take = Math.min(s.quantity, remaining);
    allocations.push({ lotId: s.lotId, lotNumber: s.lotNumber, expiresOn: s.expiresOn, quantity: take });
    remaining -= take;
  }
  return { allocations, available, shortfall: Math.max(remaining, 0) };
}
