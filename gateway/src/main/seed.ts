import { seedCare } from '@clinigraph/care';
import { seedFinance } from '@clinigraph/finance';
import type { Db } from '@clinigraph/kit';
import { type PeopleSeed, seedPeople } from '@clinigraph/people';
import { seedScheduling } from '@clinigraph/scheduling';
import { seedSupply } from '@clinigraph/supply';

/** The demo seed's accounts share a published password, so it never runs with NODE_ENV=production. */
export class DemoSeedRefused extends Error {
  constructor() {
    super('the demo seed refuses to run with NODE_ENV=production: its accounts share the published demo password');
  }
}

/** Demo data across the subgraphs. Each subgraph seeds its own tables; only ids cross between them. */
export async function seedDemo(db: Db): Promise<PeopleSeed> {
  if (process.env.NODE_ENV === 'production') throw new DemoSeedRefused();
  const refs = await seedPeople(db);
  await seedScheduling(db, refs);
  const { medicines } = await seedSupply(db, refs);
  await seedCare(db, refs, { medicines });
  await seedFinance(db, refs, { medicines });
  return refs;
}
