import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { connect } from '@clinigraph/kit';
import { DATABASE_ENTRY, KEYS_ENTRY, pgliteTarball, verifyArchive } from './backup.ts';
import type { Manifest } from './backup-bundle.ts';
import { embeddedPaths } from './cli.ts';
import { assertDocumentsFit, writeDocuments } from './documents-files.ts';
import { OpsError } from './ops-error.ts';
import { pgRestore } from './pg-tools.ts';

/** Where a restore writes: an empty PostgreSQL database, or an embedded data folder without a database yet. */
export type RestoreTarget = { kind: 'postgres'; url: string; documentsDir: string } | { kind: 'pglite'; dataDir: string; documentsDir: string };

export interface RestoreSummary {
  manifest: Manifest;
  documents: number;
}

async function assertEmptyPostgres(url: string): Promise<void> {
  const database = await connect({ url, max: 1 });
  try {
    const [row] = await database.query<{ n: number }>(
      `select (select count(*) from pg_namespace where nspname not in ('public', 'information_schema') and nspname not like 'pg\\_%')
            + (select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public') as n`,
    );
    if (Number(row?.n ?? 0) > 0) throw new OpsError('the database at DATABASE_URL is not empty; restore into a new, empty database (createdb)');
  } finally {
    await database.close();
  }
}

function assertEmptyDataDir(dataDir: string): void {
  const paths = embeddedPaths(dataDir);
  if (existsSync(paths.keys) || (existsSync(paths.pglite) && readdirSync(paths.pglite).length > 0))
    throw new OpsError(`${dataDir} already holds a Clinigraph database; restore into an empty CLINIGRAPH_DATA_DIR`);
}

/**
 * Verifies the archive completely, checks that the target is empty, then restores the database (PostgreSQL
 * in one transaction), the signing keys (embedded) and the uploaded documents. Nothing is written when a check fails.
 */
export async function restoreBackup(file: string, passphrase: string, target: RestoreTarget): Promise<RestoreSummary> {
  const { manifest, entries } = await verifyArchive(file, passphrase, { loadDatabase: false });
  if (manifest.kind !== target.kind)
    throw new OpsError(
      manifest.kind === 'postgres'
        ? 'this archive holds a PostgreSQL database: set DATABASE_URL to an empty database to restore it into'
        : 'this archive holds an embedded (PGlite) data folder: unset DATABASE_URL and set CLINIGRAPH_DATA_DIR to an empty folder',
    );
  const dump = entries.find((e) => e.name === DATABASE_ENTRY[manifest.kind])!.bytes;
  if (target.kind === 'postgres') await assertEmptyPostgres(target.url);
  else assertEmptyDataDir(target.dataDir);
  assertDocumentsFit(target.documentsDir, entries);

  if (target.kind === 'postgres') await pgRestore(target.url, dump);
  else {
    const paths = embeddedPaths(target.dataDir);
    mkdirSync(paths.pglite, { recursive: true, mode: 0o700 });
    const database = await connect({ dataDir: paths.pglite, loadDataDir: pgliteTarball(dump) });
    await database.close();
    const keys = entries.find((e) => e.name === KEYS_ENTRY);
    if (keys) writeFileSync(paths.keys, keys.bytes, { mode: 0o600, flag: 'wx' });
  }
  return { manifest, documents: writeDocuments(target.documentsDir, entries) };
}
