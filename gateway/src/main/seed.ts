import { seedCare } from '@clinigraph/care';
import { seedFinance } from '@clinigraph/finance';
import type { Db } from '@clinigraph/kit';
import { type PeopleSeed, seedPeople } from '@clinigraph/people';
import { seedScheduling } from '@clinigraph/scheduling';
import { seedSupply } from '@clinigraph/supply';

/** Demo data across the subgraphs. Each subgraph seeds its own tables; only ids cross between them. */
export async function seedDemo(db: Db): Promise<PeopleSeed> {
  const refs = await seedPeople(db);
  await seedScheduling(db, refs);
  const { medicines } = await seedSupply(db, refs);
  await seedCare(db, refs, { medicines });
  await seedFinance(db, refs, { medicines });
  return refs;
}
