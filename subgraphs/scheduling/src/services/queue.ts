import type { DbOrTx } from '@clinigraph/kit';
import { sql } from 'drizzle-orm';
import { queueCounter } from '../db/schema.ts';

/** The next queue token of a provider's day: an atomic upsert, so two check-ins never share one. */
export async function nextQueueToken(tx: DbOrTx, providerId: string, day: string): Promise<number> {
  const [row] = await tx
    .insert(queueCounter)
    .values({ providerId, day, lastToken: 1 })
    .onConflictDoUpdate({ target: [queueCounter.providerId, queueCounter.day], set: { lastToken: sql`${queueCounter.lastToken} + 1` } })
    .returning({ token: queueCounter.lastToken });
  if (!row) throw new Error('queue counter upsert returned nothing');
  return row.token;
}
