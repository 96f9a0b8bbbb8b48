import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connect, type Database } from '../db/connect.ts';
import { type MigrationSet, runMigrations } from '../db/migrate.ts';
import { jobQueueSchemaKey } from '../jobs/queue.ts';

/** The PGlite build in use: a template dumped by one version is not loaded by another. */
function pgliteVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.resolve('@electric-sql/pglite')));
  for (let i = 0; i < 5; i++, dir = dirname(dir)) {
    try {
      return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version: string }).version;
    } catch {
      // not this level
    }
  }
  return 'unknown';
}

/** Names the template by everything that shapes it: the PGlite version, pg-boss's schema and every migration file's name and bytes. */
function templateKey(sets: MigrationSet[]): string {
  const hash = createHash('sha256').update(pgliteVersion()).update(jobQueueSchemaKey());
  for (const set of sets) {
    for (const file of readdirSync(set.folder, { recursive: true, encoding: 'utf8' }).sort()) {
      const path = join(set.folder, file);
      hash.update(`${set.name}/${file}`);
      try {
        hash.update(readFileSync(path));
      } catch {
        // a folder
      }
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * A fresh in-memory PGlite with every migration applied, cloned from a template. Creating a PGlite
 * (initdb) and migrating it costs seconds per test file; loading a dumped data folder costs a fraction.
 * The template is built once per set of migrations and kept as a tarball in the OS temp folder, shared by
 * every test process; a change to any migration file gives a new template.
 */
export async function migratedPglite(sets: MigrationSet[]): Promise<Database> {
  const file = join(tmpdir(), `clinigraph-pglite-template-${templateKey(sets)}.tar`);
  try {
    return await connect({ loadDataDir: new Blob([readFileSync(file)]) });
  } catch {
    // no template yet (or an unreadable one): build it
  }
  const database = await connect();
  await runMigrations(database, sets);
  const dump = await database.dumpDataDir!();
  const partial = `${file}.${randomBytes(4).toString('hex')}`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, file);
  return database;
}
