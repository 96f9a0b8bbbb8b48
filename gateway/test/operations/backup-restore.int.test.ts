import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type Database, generateKeyPems, migrationSet, runMigrations } from '@clinigraph/kit';
import { allMigrationSets, createTestDatabase, type TestDatabase } from '@clinigraph/kit/testing';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/main/seed.ts';
import { type BackupSource, writeBackup } from '../../src/ops/backup.ts';
import { type RestoreTarget, restoreBackup } from '../../src/ops/restore.ts';
import { tableChecksums } from './table-checksums.ts';

const KEY = 'correct horse battery staple';
const work = mkdtempSync(join(tmpdir(), 'clinigraph-backup-'));
const sourceDocuments = join(work, 'documents');
const uploaded = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(64)]);
const adminUrl = process.env.DATABASE_URL;
const DOCUMENT = 'c0ffee00-0000-4000-8000-000000000001';

let source: TestDatabase;
let backupSource: BackupSource;
let archive: string;
let expected: Awaited<ReturnType<typeof tableChecksums>>;
const opened: Database[] = [];
const createdDatabases: string[] = [];

/** An empty target of the same kind as the source: a new database on the server, or a new embedded data folder. */
async function emptyTarget(label: string): Promise<{ target: RestoreTarget; open: () => Promise<Database> }> {
  const documentsDir = join(work, `${label}-documents`);
  if (adminUrl) {
    const name = `clinigraph_restore_${randomBytes(6).toString('hex')}`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${name}`);
    await admin.end();
    createdDatabases.push(name);
    const url = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
    return { target: { kind: 'postgres', url, documentsDir }, open: () => track(connect({ url, max: 2 })) };
  }
  const dataDir = join(work, label);
  return { target: { kind: 'pglite', dataDir, documentsDir }, open: () => track(connect({ dataDir: join(dataDir, 'pglite') })) };
}

const track = async (pending: Promise<Database>) => {
  const database = await pending;
  opened.push(database);
  return database;
};

beforeAll(async () => {
  source = await createTestDatabase();
  await seedDemo(source.database.db);
  writeFileSync(join(work, 'keys.json'), JSON.stringify(await generateKeyPems()));
  mkdirSync(sourceDocuments);
  writeFileSync(join(sourceDocuments, DOCUMENT), uploaded);
  backupSource = source.url
    ? { kind: 'postgres', url: source.url, documentsDir: sourceDocuments }
    : { kind: 'pglite', database: source.database, keysFile: join(work, 'keys.json'), documentsDir: sourceDocuments };
  archive = join(work, 'clinic.cgbak');
  await writeBackup(backupSource, archive, KEY);
  expected = await tableChecksums(source.database);
});

afterAll(async () => {
  await Promise.all(opened.map((d) => d.close().catch(() => {})));
  if (adminUrl && createdDatabases.length) {
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    for (const name of createdDatabases) await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
  await source?.drop();
  rmSync(work, { recursive: true, force: true });
});

describe('backup and restore of a seeded clinic', () => {
  it('writes an archive that holds no readable clinic data', () => {
    const bytes = readFileSync(archive);
    expect(bytes.subarray(0, 17).toString('ascii')).toBe('CLINIGRAPH-BACKUP');
    for (const plain of ['maria@example.com', 'Garcia', 'clinigraph.local', 'PRIVATE KEY']) expect(bytes.includes(Buffer.from(plain))).toBe(false);
  });

  it('restores into an empty database every table of every schema, row for row, with the documents and keys', async () => {
    const { target, open } = await emptyTarget('restored');
    const { manifest, documents } = await restoreBackup(archive, KEY, target);
    expect(documents).toBe(1);
    expect(readFileSync(join(target.documentsDir, DOCUMENT)).equals(uploaded)).toBe(true);
    if (target.kind === 'pglite') expect(readFileSync(join(target.dataDir, 'keys.json'))).toEqual(readFileSync(join(work, 'keys.json')));
    expect(manifest.kind).toBe(target.kind);

    expect(Object.keys(expected)).toEqual(expect.arrayContaining(['people.patient', 'care.encounter', 'audit.event', 'events.log', 'drizzle.migrations_kit']));
    expect(expected['people.patient']!.rows).toBeGreaterThan(0);
    expect(await tableChecksums(await open())).toEqual(expected);
  });

  it('refuses a wrong key or a damaged archive before writing anything', async () => {
    const { target } = await emptyTarget('refused');
    const damaged = join(work, 'damaged.cgbak');
    const bytes = readFileSync(archive);
    bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0xff;
    writeFileSync(damaged, bytes);
    await expect(restoreBackup(archive, 'not the key it was written with', target)).rejects.toThrow(/^wrong CLINIGRAPH_BACKUP_KEY/);
    await expect(restoreBackup(damaged, KEY, target)).rejects.toThrow(/^the archive is damaged/);
    expect(existsSync(target.documentsDir)).toBe(false);
    if (target.kind === 'pglite') expect(existsSync(target.dataDir)).toBe(false);
  });

  it('restores into a newer schema version: migrations apply on the restored data and the data stays', async () => {
    const { target, open } = await emptyTarget('upgraded');
    await restoreBackup(archive, KEY, target);
    const newer = join(work, 'migrations-people');
    cpSync(migrationSet('people').folder, newer, { recursive: true });
    writeFileSync(join(newer, '9999_backup_upgrade_probe.sql'), `ALTER TABLE "people"."patient" ADD COLUMN "upgrade_probe" text DEFAULT 'migrated' NOT NULL;`);
    const journal = JSON.parse(readFileSync(join(newer, 'meta/_journal.json'), 'utf8')) as { entries: { idx: number; when: number }[] };
    journal.entries.push({ idx: journal.entries.length, version: '7', when: Date.now(), tag: '9999_backup_upgrade_probe', breakpoints: true } as never);
    writeFileSync(join(newer, 'meta/_journal.json'), JSON.stringify(journal));

    const restored = await open();
    await runMigrations(
      restored,
      allMigrationSets().map((set) => (set.name === 'people' ? { name: 'people', folder: newer } : set)),
    );

    const after = await tableChecksums(restored);
    const { 'people.patient': patients, 'drizzle.migrations_people': applied, ...untouched } = expected;
    expect(after).toMatchObject(untouched);
    expect(after['people.patient']!.rows).toBe(patients!.rows);
    expect(after['drizzle.migrations_people']!.rows).toBe(applied!.rows + 1);
    const probe = await restored.query<{ migrated: number }>(`select count(*)::int as migrated from people.patient where upgrade_probe = 'migrated'`);
    expect(probe[0]!.migrated).toBe(patients!.rows);
  });
});
