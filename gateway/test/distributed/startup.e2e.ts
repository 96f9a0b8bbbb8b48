import { describe, expect, it } from 'vitest';
import { startService, tsxArgs } from '../../src/testing/processes.ts';

/**
 * Each entry point checks its environment first: a bad or missing setting stops it with exit code 2 and
 * one line naming the setting, never a stack trace or the value (a URL's password, a key).
 */
const SECRET = 's3cret-pw';
const base: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn', CLINIGRAPH_JOBS: 'off' };

async function start(file: string, env: NodeJS.ProcessEnv) {
  const service = startService(file, process.execPath, tsxArgs(file), { ...base, ...env });
  const code = await service.exited;
  return { code, lines: service.output().trim().split('\n') };
}

describe('start-up validation of the environment', () => {
  it('stops each process on a bad or missing setting with one line naming it', async () => {
    const [gateway, care, embedded, seed] = await Promise.all([
      start('gateway/src/main/gateway.ts', { PORT: 'eighty', DATABASE_URL: `postgres://clinigraph:${SECRET}@db/clinigraph` }),
      start('subgraphs/care/src/server.ts', { DATABASE_URL: `mysql://clinigraph:${SECRET}@db/clinigraph` }),
      start('gateway/src/main/embedded.ts', { NODE_ENV: 'production', CLINIGRAPH_DATA_DIR: '/nonexistent/never-created' }),
      start('gateway/src/main/seed-cli.ts', { NODE_ENV: 'production', DATABASE_URL: `postgres://clinigraph:${SECRET}@127.0.0.1:1/clinigraph` }),
    ]);
    expect(gateway).toEqual({ code: 2, lines: ['clinigraph: cannot start: PORT is invalid: must be a port number (0 to 65535)'] });
    expect(care).toEqual({ code: 2, lines: ['clinigraph: cannot start: DATABASE_URL is invalid: must be a postgres:// URL'] });
    expect(embedded).toEqual({
      code: 2,
      lines: ['clinigraph: cannot start: SMTP_URL is not set (required in production): production sends real mail: set an smtp:// or smtps:// URL'],
    });
    expect(seed).toEqual({
      code: 2,
      lines: ['clinigraph: the demo seed refuses to run with NODE_ENV=production: its accounts share the published demo password'],
    });
  });
});
