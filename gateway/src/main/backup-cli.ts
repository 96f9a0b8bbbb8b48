import { type BackupSource, writeBackup } from '../ops/backup.ts';
import { backupKey, documentsDir, openEmbedded, runCommand } from '../ops/cli.ts';

/**
 * `npm run backup [-- <file>]`: an encrypted, verified archive of the clinic. With DATABASE_URL, the
 * PostgreSQL database (pg_dump custom format); otherwise the embedded PGlite database (its own dump, taken
 * while no other process has it open) with its signing keys. Uploaded documents are included either way.
 */
const passphrase = backupKey('backup');
const file = process.argv[2] ?? `clinigraph-backup-${new Date().toISOString().replace(/[:.]/g, '-')}.cgbak`;
await runCommand('backup', async () => {
  const url = process.env.DATABASE_URL;
  const embedded = url ? null : await openEmbedded();
  const source: BackupSource = embedded
    ? { kind: 'pglite', database: embedded.database, keysFile: embedded.paths.keys, documentsDir: documentsDir() }
    : { kind: 'postgres', url: url!, documentsDir: documentsDir() };
  try {
    const { bytes, manifest } = await writeBackup(source, file, passphrase);
    const documents = manifest.entries.filter((e) => e.name.startsWith('documents/')).length;
    const parts = manifest.entries.filter((e) => !e.name.startsWith('documents/')).map((e) => e.name);
    console.log(
      `backup written to ${file} (${bytes} bytes, AES-256-GCM): ${[...parts, `${documents} uploaded document${documents === 1 ? '' : 's'}`].join(', ')}`,
    );
    console.log('backup verified: read back, decrypted, every entry matches its checksum and the database dump is readable');
  } finally {
    await embedded?.database.close();
  }
});
