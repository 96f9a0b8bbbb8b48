import { randomBytes } from 'node:crypto';
import { connect, type Database, generateKeyPems, jobRuns } from '@clinigraph/kit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freePort, runToCompletion, type Service, startService, tsxArgs, waitForHealth } from '../../src/testing/processes.ts';
import { type SmtpSink, startSmtpSink } from '../../src/testing/smtp-sink.ts';

const adminUrl = process.env.DATABASE_URL;
const title = adminUrl
  ? 'jobs across processes: two scheduling replicas on pg-boss run each reminder window once and mail each patient once'
  : 'jobs across processes — SKIPPED: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres) to run it on real PostgreSQL';

if (!adminUrl) console.warn(`gateway/test/distributed/job-replicas.e2e.ts: ${title}`);

/** The demo patients whose appointments (about two hours from the seed) are due a reminder. */
const PATIENTS = ['maria@example.com', 'james@example.com'];

describe.skipIf(!adminUrl)(title, () => {
  const dbName = `clinigraph_e2e_${randomBytes(5).toString('hex')}`;
  const services: Service[] = [];
  let admin: Database;
  let database: Database;
  let sink: SmtpSink;

  beforeAll(async () => {
    admin = await connect({ url: adminUrl!, max: 1 });
    await admin.exec(`CREATE DATABASE ${dbName}`);
    const url = new URL(adminUrl!);
    url.pathname = `/${dbName}`;
    database = await connect({ url: url.toString(), max: 2 });
    const keys = await generateKeyPems();
    const secret = randomBytes(32).toString('hex');
    sink = await startSmtpSink();
    const peoplePort = await freePort();
    const base: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: url.toString(),
      CLINIGRAPH_JWT_PUBLIC_KEY: keys.publicKey,
      CLINIGRAPH_SERVICE_SECRET: secret,
      CLINIGRAPH_INTERNAL_SECRET: randomBytes(32).toString('hex'),
      PEOPLE_URL: `http://127.0.0.1:${peoplePort}/graphql`,
      SMTP_URL: sink.url,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DB_POOL_SIZE: '3',
      // Reminders every minute, the jobs' clock, so the test sees several windows.
      CLINIGRAPH_REMINDER_EVERY_MS: '60000',
    };
    delete base.CLINIGRAPH_JWT_PRIVATE_KEY;
    delete base.CLINIGRAPH_JOBS;
    await runToCompletion('migrate', process.execPath, tsxArgs('gateway/src/main/migrate.ts'), base);
    await runToCompletion('seed', process.execPath, tsxArgs('gateway/src/main/seed-cli.ts'), { ...base, NODE_ENV: 'development' });
    const people = startService('people', process.execPath, tsxArgs('subgraphs/people/src/server.ts'), {
      ...base,
      PORT: String(peoplePort),
      CLINIGRAPH_JWT_PRIVATE_KEY: keys.privateKey,
      // people has no jobs; only the scheduling replicas tick.
      CLINIGRAPH_JOBS: 'off',
    });
    services.push(people);
    await waitForHealth(people, `http://127.0.0.1:${peoplePort}/health`);
    for (const replica of ['scheduling-1', 'scheduling-2']) {
      const port = await freePort();
      const service = startService(replica, process.execPath, tsxArgs('subgraphs/scheduling/src/server.ts'), { ...base, PORT: String(port) });
      services.push(service);
      await waitForHealth(service, `http://127.0.0.1:${port}/health`);
    }
  });

  afterAll(async () => {
    const stopped = await Promise.all(services.map((s) => s.stop()));
    await sink?.close();
    await database?.close();
    await admin?.exec(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin?.close();
    expect(stopped).toEqual(services.map(() => ({ code: 0, forced: false })));
  });

  it('sends each due reminder once, and runs each one-minute window once, whichever replica takes it', async () => {
    await vi.waitFor(() => expect(sink.mails.length).toBeGreaterThanOrEqual(PATIENTS.length), { timeout: 60_000, interval: 500 });
    // At least two windows: every replica's cron monitor and workers have had their chance to run one twice.
    await vi.waitFor(
      async () => expect((await jobRuns(database, 'scheduling.reminders')).filter((r) => r.state === 'completed').length).toBeGreaterThanOrEqual(2),
      { timeout: 120_000, interval: 1_000 },
    );
    expect(sink.mails.flatMap((m) => m.to).sort()).toEqual([...PATIENTS].sort());
    const runs = await jobRuns(database, 'scheduling.reminders');
    expect(new Set(runs.map((r) => r.period)).size).toBe(runs.length);
    expect(runs.filter((r) => r.state === 'completed').every((r) => r.scope === 'all' && r.attempts === 1)).toBe(true);
    // The first window created and mailed both reminders; later windows found nothing left to do.
    expect(runs.reduce((sum, r) => sum + Number(r.output?.mailed ?? 0), 0)).toBe(PATIENTS.length);
  }, 200_000);
});
