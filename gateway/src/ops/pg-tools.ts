import { spawn } from 'node:child_process';
import { OpsError } from './ops-error.ts';

/**
 * Runs PostgreSQL's own client tools (Debian's postgresql-client). The password travels in PGPASSWORD,
 * never on the command line, so it shows in no process list and no message.
 */
function run(tool: string, args: string[], url: string | null, input?: Buffer): Promise<Buffer> {
  const parsed = url ? new URL(url) : null;
  const password = parsed ? decodeURIComponent(parsed.password) : '';
  if (parsed) parsed.password = '';
  const env = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) };
  const target = parsed ? ['--no-password', `--dbname=${parsed.toString()}`] : [];
  return new Promise((resolve, reject) => {
    const child = spawn(tool, [...args, ...target], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (e: NodeJS.ErrnoException) =>
      reject(new OpsError(e.code === 'ENOENT' ? `${tool} is not installed (apt-get install -y postgresql-client)` : `${tool} could not start: ${e.message}`)),
    );
    child.on('close', (code) => {
      if (code === 0) return resolve(Buffer.concat(out));
      const reason = Buffer.concat(err).toString('utf8').trim().split('\n')[0] ?? '';
      reject(new OpsError(`${tool} failed (exit ${code}): ${reason.replaceAll(password || '\u0000', '***')}`));
    });
    child.stdin.on('error', () => {});
    child.stdin.end(input);
  });
}

/** The whole database in pg_dump's custom format (compressed, restorable with pg_restore). */
export const pgDump = (url: string) => run('pg_dump', ['--format=custom'], url);

/** Lists a custom-format dump's contents; fails when the dump is not one pg_restore can read. */
export const pgRestoreList = (dump: Buffer) => run('pg_restore', ['--list'], null, dump).then((out) => out.toString('utf8'));

/** Restores a dump into the database at `url` in one transaction: all of it, or nothing. */
export const pgRestore = (url: string, dump: Buffer) => run('pg_restore', ['--no-owner', '--single-transaction', '--exit-on-error'], url, dump);
