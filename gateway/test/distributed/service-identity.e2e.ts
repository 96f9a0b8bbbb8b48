import { randomBytes } from 'node:crypto';
import { connect, type Database, generateKeyPems } from '@clinigraph/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, runToCompletion, type Service, startService, tsxArgs, waitForHealth } from '../../src/testing/processes.ts';
import { type SmtpSink, startSmtpSink } from '../../src/testing/smtp-sink.ts';

const adminUrl = process.env.DATABASE_URL;
const title = adminUrl
  ? 'service identity: scheduling sends reminders with a token people issues, people alone holding the signing key'
  : 'service identity — SKIPPED: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres) to run it on real PostgreSQL';

if (!adminUrl) console.warn(`gateway/test/distributed/service-identity.e2e.ts: ${title}`);

/** The demo patients whose appointments (about two hours from the seed) are due a reminder. */
const PATIENTS = ['maria@example.com', 'james@example.com'];

describe.skipIf(!adminUrl)(title, () => {
  const dbName = `clinigraph_e2e_${randomBytes(5).toString('hex')}`;
  const secret = randomBytes(32).toString('hex');
  let admin: Database;
  let people: Service | undefined;
  let sink: SmtpSink;
  let base: NodeJS.ProcessEnv;

  /** One run of the reminder job (`npm run reminders`) as its own process: it has the public key only. */
  const runReminders = (extra: NodeJS.ProcessEnv = {}) =>
    runToCompletion('reminders', process.execPath, tsxArgs('subgraphs/scheduling/src/jobs/cli.ts'), { ...base, ...extra });

  beforeAll(async () => {
    admin = await connect({ url: adminUrl!, max: 1 });
    await admin.exec(`CREATE DATABASE ${dbName}`);
    const url = new URL(adminUrl!);
    url.pathname = `/${dbName}`;
    const keys = await generateKeyPems();
    sink = await startSmtpSink();
    const peoplePort = await freePort();
    base = {
      ...process.env,
      DATABASE_URL: url.toString(),
      CLINIGRAPH_JWT_PUBLIC_KEY: keys.publicKey,
      CLINIGRAPH_INTERNAL_SECRET: randomBytes(32).toString('hex'),
      PEOPLE_URL: `http://127.0.0.1:${peoplePort}/graphql`,
      SMTP_URL: sink.url,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DB_POOL_SIZE: '2',
    };
    delete base.CLINIGRAPH_JWT_PRIVATE_KEY;
    delete base.CLINIGRAPH_SERVICE_SECRET;
    await runToCompletion('migrate', process.execPath, tsxArgs('gateway/src/main/migrate.ts'), base);
    await runToCompletion('seed', process.execPath, tsxArgs('gateway/src/main/seed-cli.ts'), { ...base, NODE_ENV: 'development' });
    people = startService('people', process.execPath, tsxArgs('subgraphs/people/src/server.ts'), {
      ...base,
      PORT: String(peoplePort),
      CLINIGRAPH_JWT_PRIVATE_KEY: keys.privateKey,
      CLINIGRAPH_SERVICE_SECRET: secret,
    });
    await waitForHealth(people, `http://127.0.0.1:${peoplePort}/health`);
  });

  afterAll(async () => {
    await people?.stop();
    await sink?.close();
    await admin?.exec(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin?.close();
  });

  it('without the service credential, scheduling cannot act alone: reminders are created, their e-mails wait', async () => {
    const output = await runReminders();
    expect(output).toMatch(/reminders: 2 created, 0 e-mailed/);
    expect(sink.mails).toEqual([]);
  });

  it('with a wrong credential, people refuses: nothing is sent', async () => {
    const output = await runReminders({ CLINIGRAPH_SERVICE_SECRET: `${secret}0` });
    expect(output).toMatch(/reminders: 0 created, 0 e-mailed/);
    expect(sink.mails).toEqual([]);
  });
  it('with the service credential, people issues the token and the waiting e-mails go out', async () => {
    const output = await runReminders({ CLINIGRAPH_SERVICE_SECRET: secret });
    expect(output).toMatch(/reminders: 0 created, 2 e-mailed/);
    expect(sink.mails.flatMap((m) => m.to).sort()).toEqual([...PATIENTS].sort());
    for (const mail of sink.mails) expect(mail.raw).toMatch(/^Subject: Reminder: /m);
  });
});
