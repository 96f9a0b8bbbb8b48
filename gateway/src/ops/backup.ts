import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { connect, type Database } from '@clinigraph/kit';
import { type BackupKind, type BundleEntry, type Manifest, pack, unpack } from './backup-bundle.ts';
import { open, seal } from './backup-crypto.ts';
import { readDocuments } from './documents-files.ts';
import { OpsError } from './ops-error.ts';
import { pgDump, pgRestoreList } from './pg-tools.ts';

export const DATABASE_ENTRY: Record<BackupKind, string> = { postgres: 'database.dump', pglite: 'pglite.tar.gz' };
export const KEYS_ENTRY = 'keys.json';

/** What a backup reads: a PostgreSQL database, or the embedded PGlite opened by this process alone (and its signing keys). */
export type BackupSource =
  | { kind: 'postgres'; url: string; documentsDir: string }
  | { kind: 'pglite'; database: Database; keysFile: string; documentsDir: string };

export interface BackupSummary {
  file: string;
  bytes: number;
  manifest: Manifest;
}

async function collect(source: BackupSource): Promise<BundleEntry[]> {
  const entries: BundleEntry[] = [];
  if (source.kind === 'postgres') entries.push({ name: DATABASE_ENTRY.postgres, bytes: await pgDump(source.url) });
  else {
    if (!source.database.dumpDataDir) throw new OpsError('this database cannot dump its data folder');
    const dump = await source.database.dumpDataDir();
    entries.push({ name: DATABASE_ENTRY.pglite, bytes: gzipSync(Buffer.from(await dump.arrayBuffer())) });
    if (existsSync(source.keysFile)) entries.push({ name: KEYS_ENTRY, bytes: readFileSync(source.keysFile) });
  }
  return [...entries, ...readDocuments(source.documentsDir)];
}

/** The archived PGlite data folder (stored gzipped) as the tarball PGlite loads. */
export const pgliteTarball = (entry: Buffer) => new Blob([gunzipSync(entry)]);

/**
 * Checks an archive end to end: it decrypts and authenticates, every entry matches its checksum and, unless
 * `loadDatabase` is false (a restore is about to load it anyway), the database dump is readable.
 */
export async function verifyArchive(file: string, passphrase: string, { loadDatabase = true } = {}): Promise<{ manifest: Manifest; entries: BundleEntry[] }> {
  const { manifest, entries } = unpack(open(readFileSync(file), passphrase));
  const dump = entries.find((e) => e.name === DATABASE_ENTRY[manifest.kind]);
  if (!dump) throw new OpsError(`the archive has no ${DATABASE_ENTRY[manifest.kind]}`);
  if (!loadDatabase) return { manifest, entries };
  if (manifest.kind === 'postgres') await pgRestoreList(dump.bytes);
  else {
    const probe = await connect({ loadDataDir: pgliteTarball(dump.bytes) }).catch(() => {
      throw new OpsError('the archived PGlite data folder does not load');
    });
    await probe.query('select count(*) from information_schema.tables');
    await probe.close();
  }
  return { manifest, entries };
}

/** Writes an encrypted archive (never over an existing file, readable by its owner only), then reads it back and verifies it. */
export async function writeBackup(source: BackupSource, file: string, passphrase: string): Promise<BackupSummary> {
  if (existsSync(file)) throw new OpsError(`${file} already exists; choose another file`);
  const archive = seal(pack(source.kind, await collect(source)), passphrase);
  writeFileSync(file, archive, { mode: 0o600, flag: 'wx' });
  const { manifest } = await verifyArchive(file, passphrase);
  return { file, bytes: archive.length, manifest };
}
