import type { Tx } from '@clinigraph/kit';
import { and, eq } from 'drizzle-orm';
import { lot } from '../db/schema.ts';
import { badRequest } from './errors.ts';
import type { ItemRow, LotRow } from './lookups.ts';

export interface IncomingLot {
  lotNumber: string;
  expiresOn?: string | null;
  supplierId?: string | null;
}

/** The field a lot's expiry problem concerns, for the form to mark. */
const expiryIssue = (message: string) => [{ path: 'expiresOn', message }];

/**
 * The lot a delivery goes into: an existing lot of the item with that number (its expiry must agree),
 * or a new one. Medicines and reagents must carry an expiry date, and nothing already expired is received.
 */
export async function ensureLot(tx: Tx, item: ItemRow, incoming: IncomingLot, today: string): Promise<LotRow> {
  const expiresOn = incoming.expiresOn ?? null;
  if (!expiresOn && (item.kind === 'medicine' || item.kind === 'reagent'))
    throw badRequest(`An expiry date is required for ${item.kind}s`, { itemId: item.id, issues: expiryIssue(`is required for ${item.kind}s`) });
  if (expiresOn && expiresOn <= today)
    throw badRequest(`Lot ${incoming.lotNumber} has already expired (${expiresOn}); it cannot be received`, {
      itemId: item.id,
      issues: expiryIssue('has passed: expired stock cannot be received'),
    });
  await tx
    .insert(lot)
    .values({ itemId: item.id, lotNumber: incoming.lotNumber, expiresOn, supplierId: incoming.supplierId ?? null })
    .onConflictDoNothing({ target: [lot.itemId, lot.lotNumber] });
  const [row] = await tx
    .select()
    .from(lot)
    .where(and(eq(lot.itemId, item.id), eq(lot.lotNumber, incoming.lotNumber)));
  if (!row) throw new Error('lot upsert returned nothing');
  if (row.expiresOn !== expiresOn)
    throw badRequest(`Lot ${incoming.lotNumber} is recorded with expiry ${row.expiresOn ?? 'none'}, not ${expiresOn ?? 'none'}`, {
      lotId: row.id,
      issues: expiryIssue(`must match this lot's recorded expiry (${row.expiresOn ?? 'none'})`),
    });
  return row;
}
