import { fileURLToPath } from 'node:url';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { installJobQueue } from '../jobs/queue.ts';
import type { Database } from './connect.ts';

/** A set of drizzle-kit migrations: one folder under migrations/, with its own bookkeeping table. */
export interface MigrationSet {
  name: string;
  folder: string;
}

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

export const migrationSet = (name: string): MigrationSet => ({ name, folder: `${repoRoot}migrations/${name}` });

/** The kit's own migrations: the shared `events` and `audit` schemas. Always applied first. */
export const kitMigrations = migrationSet('kit');

export async function runMigrations(database: Database, sets: MigrationSet[]): Promise<void> {
  for (const set of [kitMigrations, ...sets.filter((s) => s.name !== kitMigrations.name)]) {
    const config = { migrationsFolder: set.folder, migrationsSchema: 'drizzle', migrationsTable: `migrations_${set.name}` };
    if (database.kind === 'pglite') await migratePglite(database.db as unknown as PgliteDatabase, config);
    else await migratePostgres(database.db as unknown as PostgresJsDatabase, config);
  }
  // pg-boss's own tables (the `jobs` schema): it creates them, and upgrades them when pg-boss changes.
  await installJobQueue(database);
}
