import type { DbOrTx } from '@clinigraph/kit';
import { badRequest, insufficientStock } from './errors.ts';
import { type Allocation, allocateFefo, isExpired, type LotStock } from './fefo.ts';
import { loadLot, lotStockAt, type Within } from './lookups.ts';

export interface PickLine {
  itemId: string;
  quantity: number;
  /** A specific lot; without it FEFO chooses. */
  lotId?: string | null;
}

export interface PickedLine<L extends PickLine = PickLine> {
  line: L;
  allocations: Allocation[];
  available: number;
  shortfall: number;
}

export interface PickOptions {
  /** Whose lots a named lot may be (the caller's: another facility's lot is NOT_FOUND). */
  within: Within;
  /** Lock the balance rows FOR UPDATE (inside a stock operation). */
  lock?: boolean;
  /** Allow a named lot that has expired (a transfer to quarantine, say). FEFO never picks one. */
  allowExpiredLot?: boolean;
}

/**
 * Plans which lots at one location cover each line: FEFO over unexpired lots, or the named lot.
 * Lines for the same item are planned one after another against the same stock, so two lines never
 * count the same units twice. Reads each item's stock once, items in a fixed order.
 */
export async function planPick<L extends PickLine>(
  db: DbOrTx,
  today: string,
  locationId: string,
  lines: readonly L[],
  options: PickOptions,
): Promise<PickedLine<L>[]> {
  const stock = new Map<string, LotStock[]>();
  for (const itemId of [...new Set(lines.map((l) => l.itemId))].sort()) stock.set(itemId, await lotStockAt(db, itemId, locationId, { lock: options.lock }));
  const planned: PickedLine<L>[] = [];
  for (const line of lines) {
    const lots = stock.get(line.itemId) ?? [];
    const picked = line.lotId ? await pickNamedLot(db, today, line, lots, options) : { line, ...allocateFefo(lots, line.quantity, today) };
    for (const a of picked.allocations) {
      const held = lots.find((s) => s.lotId === a.lotId);
      if (held) held.quantity -= a.quantity;
    }
    planned.push(picked);
  }
  return planned;
}

async function pickNamedLot<L extends PickLine>(db: DbOrTx, today: string, line: L, lots: LotStock[], options: PickOptions): Promise<PickedLine<L>> {
  const lot = await loadLot(db, line.lotId as string, options.within);
  if (lot.itemId !== line.itemId) throw badRequest('That lot is of another item', { lotId: lot.id, itemId: line.itemId });
  if (!options.allowExpiredLot && isExpired(lot.expiresOn, today)) throw badRequest(`Lot ${lot.lotNumber} expired on ${lot.expiresOn}`, { lotId: lot.id });
  const available = lots.find((s) => s.lotId === lot.id)?.quantity ?? 0;
  const take = Math.min(available, line.quantity);
  return {
    line,
    allocations: take > 0 ? [{ lotId: lot.id, lotNumber: lot.lotNumber, expiresOn: lot.expiresOn, quantity: take }] : [],
    available,
    shortfall: line.quantity - take,
  };
}

/** Like planPick, but fails with INSUFFICIENT_STOCK (writing nothing) unless every line is covered in full. */
export async function pickOrFail<L extends PickLine>(db: DbOrTx, today: string, locationId: string, lines: readonly L[], options: PickOptions) {
  const planned = await planPick(db, today, locationId, lines, options);
  const short = planned.find((p) => p.shortfall > 0);
  if (short) throw insufficientStock(short.line.itemId, short.line.quantity, short.available, { locationId, lotId: short.line.lotId ?? null });
  return planned;
}
