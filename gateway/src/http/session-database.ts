import { connect, type Database } from '@clinigraph/kit';

/**
 * The database the gateway reads sessions (and live events) from: the embedded process's own, or in
 * distributed mode DATABASE_URL. Without either, only the subgraphs check sessions.
 */
export async function gatewayDatabase(given: Database | null | undefined): Promise<{ database: Database | null; close(): Promise<void> }> {
  if (given) return { database: given, close: async () => {} };
  const url = process.env.DATABASE_URL;
  if (!url) return { database: null, close: async () => {} };
  const database = await connect({ url, max: 4, name: 'gateway' });
  return { database, close: () => database.close() };
}
