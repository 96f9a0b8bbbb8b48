import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gqlClient } from '@clinigraph/kit/testing';
import { DEMO_PASSWORD } from '@clinigraph/people';
import { freePort, type Service, startService, waitForHealth } from '../testing/processes.ts';

/**
 * `npm run smoke`: what a person does on a fresh clone. Runs `npm start` on a temporary data folder and
 * a free port, waits for /health, signs in as a demo account, runs a query crossing subgraphs, checks
 * that / serves the web app, stops it; then starts it again on the same data to check a restart.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'clinigraph-smoke-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const env = { ...process.env, CLINIGRAPH_DATA_DIR: dataDir, PORT: String(port), NODE_ENV: 'development', LOG_LEVEL: 'warn' };
const step = (message: string) => console.log(`smoke: ${message}`);

function check(condition: unknown, message: string, service: Service): asserts condition {
  if (!condition) throw new Error(`${message}\n--- npm start output ---\n${service.output()}`);
}

async function run(label: string, service: Service) {
  const started = Date.now();
  await waitForHealth(service, `${base}/health`, 180_000);
  step(`${label}: healthy in ${Date.now() - started} ms`);
  check(service.output().includes(`Clinigraph is running at ${base}`), 'npm start did not print its URL', service);
  check(service.output().includes('admin@clinigraph.local'), 'npm start did not print the demo logins', service);

  const anonymous = gqlClient(`${base}/graphql`);
  const { login } = await anonymous.data<{ login: { accessToken: string } }>(
    'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
    { email: 'reception@clinigraph.local', password: DEMO_PASSWORD },
  );
  const reception = gqlClient(`${base}/graphql`, login.accessToken);
  const { appointments } = await reception.data<{ appointments: { patient: { displayName: string }; provider: { displayName: string } }[] }>(
    'query ($from: DateTime!, $to: DateTime!) { appointments(from: $from, to: $to) { patient { displayName } provider { displayName } } }',
    { from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' },
  );
  check(appointments.length > 0 && appointments.every((a) => a.patient.displayName && a.provider.displayName), 'cross-subgraph query came back empty', service);
  step(`${label}: signed in as reception; ${appointments.length} appointments with patients (people) and providers`);

  const page = await fetch(`${base}/`);
  const html = await page.text();
  check(page.ok && page.headers.get('content-type')?.startsWith('text/html'), `/ answered ${page.status} ${page.headers.get('content-type')}`, service);
  check(html.includes('<div id="root">') && /<script type="module"[^>]+src="\/assets\//.test(html), '/ does not serve the built web app', service);
  const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
  check(script && (await fetch(`${base}${script}`)).ok, `the web app's script ${script} is not served`, service);
  step(`${label}: / serves the web app (${script})`);

  const { forced } = await service.stop();
  check(!forced, 'npm start was still running 10 s after SIGTERM', service);
  check(service.output().includes('Clinigraph stopped'), 'npm start did not shut down cleanly on SIGTERM', service);
  step(`${label}: stopped cleanly on SIGTERM`);
}

let current: Service | null = null;
try {
  current = startService('npm start', 'npm', ['start'], env);
  await run('first start (fresh data folder)', current);
  current = startService('npm start', 'npm', ['start', '--ignore-scripts'], env);
  await run('restart (same data folder)', current);
  step('passed');
} catch (err) {
  console.error(`smoke: FAILED\n${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
} finally {
  await current?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
