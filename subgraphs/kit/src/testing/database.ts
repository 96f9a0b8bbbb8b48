import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { connect, type Database } from '../db/connect.ts';
import { type MigrationSet, migrationSet, runMigrations } from '../db/migrate.ts';
import { migratedPglite } from './pglite-template.ts';

/** Every migration folder, in dependency order. Test databases get the whole schema. */
export const allMigrationSets = (): MigrationSet[] => ['kit', 'people', 'care', 'scheduling', 'supply', 'finance'].map(migrationSet);

export interface TestDatabase {
  database: Database;
  /** The URL of the test database (real Postgres only), for child processes. */
  url: string | null;
  drop(): Promise<void>;
}

/**
 * A fresh, fully migrated database for one test file: a new database on the server named by
 * DATABASE_URL, or a new in-memory PGlite when it is unset.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const database = await migratedPglite(allMigrationSets());
    return { database, url: null, drop: () => database.close() };
  }
  const name = `clinigraph_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await connect({ url: url.toString(), max: 20 });
  await runMigrations(database, allMigrationSets());
  return {
    database,
    url: url.toString(),
    drop: async () => {
      await database.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
