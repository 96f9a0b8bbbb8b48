import { backupKey, documentsDir, embeddedDataDir, runCommand } from '../ops/cli.ts';
import { OpsError } from '../ops/ops-error.ts';
import { type RestoreTarget, restoreBackup } from '../ops/restore.ts';

/**
 * `npm run restore -- <file>`: restores an archive written by `npm run backup` into an empty target:
 * the PostgreSQL database at DATABASE_URL, or else the embedded data folder (CLINIGRAPH_DATA_DIR). Then
 * run `npm run migrate` (or `npm start`) to bring the schema up to this version.
 */
const passphrase = backupKey('restore');
const file = process.argv[2];
await runCommand('restore', async () => {
  if (!file) throw new OpsError('name the archive to restore: npm run restore -- <file>');
  const url = process.env.DATABASE_URL;
  const target: RestoreTarget = url
    ? { kind: 'postgres', url, documentsDir: documentsDir() }
    : { kind: 'pglite', dataDir: embeddedDataDir(), documentsDir: documentsDir() };
  const { manifest, documents } = await restoreBackup(file, passphrase, target);
  const where = target.kind === 'postgres' ? 'the database at DATABASE_URL' : target.dataDir;
  console.log(
    `restored the ${manifest.kind} backup of ${manifest.createdAt} into ${where}, with ${documents} uploaded document${documents === 1 ? '' : 's'} into ${target.documentsDir}`,
  );
  console.log(target.kind === 'postgres' ? 'next: npm run migrate, then start the processes' : 'next: npm start (it applies newer migrations)');
});
