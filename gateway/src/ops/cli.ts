import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { documentsDir } from '@clinigraph/care/services/documents';
import { connect, type Database } from '@clinigraph/kit';
import { OpsError } from './ops-error.ts';

const MIN_KEY_LENGTH = 16;

/** The operator's backup passphrase, or one line saying what to set and the process stops. */
export function backupKey(command: string): string {
  const key = process.env.CLINIGRAPH_BACKUP_KEY;
  if (key && key.length >= MIN_KEY_LENGTH) return key;
  console.error(
    `${command}: CLINIGRAPH_BACKUP_KEY ${key ? `is shorter than ${MIN_KEY_LENGTH} characters` : 'is not set'}: set it to the passphrase that encrypts backups (keep it apart from the backups)`,
  );
  process.exit(2);
}

/** Where the embedded start keeps its data (CLINIGRAPH_DATA_DIR or .data/ in the repository), and the uploaded documents. */
export const embeddedDataDir = () => process.env.CLINIGRAPH_DATA_DIR ?? fileURLToPath(new URL('../../../.data/', import.meta.url));
export { documentsDir };

/** The embedded layout `npm start` uses inside its data folder. */
export const embeddedPaths = (dataDir: string) => ({ pglite: join(dataDir, 'pglite'), keys: join(dataDir, 'keys.json') });

/** Opens the embedded database for an operations command, refusing while another process (npm start) has it open. */
export async function openEmbedded(): Promise<{ database: Database; paths: ReturnType<typeof embeddedPaths> }> {
  const paths = embeddedPaths(embeddedDataDir());
  if (!existsSync(paths.pglite))
    throw new OpsError(`there is no embedded database at ${paths.pglite} (set CLINIGRAPH_DATA_DIR, or DATABASE_URL for PostgreSQL)`);
  if (existsSync(join(paths.pglite, 'postmaster.pid')))
    throw new OpsError(`the embedded database at ${paths.pglite} is open in another process (npm start?): stop it first`);
  return { database: await connect({ dataDir: paths.pglite }), paths };
}

/** Runs a command's body; a refusal or failure ends the process with one line, never a stack trace. */
export async function runCommand(command: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (err) {
    const message = err instanceof OpsError ? err.message : `failed: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}`;
    console.error(`${command}: ${message}`);
    process.exit(1);
  }
}
