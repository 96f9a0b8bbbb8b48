import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPems } from '@clinigraph/kit';
import { gqlClient } from '@clinigraph/kit/testing';
import { freePort, repoRoot, type Service, startService, waitForHealth } from '../testing/processes.ts';

/**
 * `npm run smoke:compiled` (after `npm run build`): the production start runs the compiled JavaScript with plain node,
 * no tsx. It starts the embedded clinic (gateway/dist/main/embedded.js, NODE_ENV=production) and the distributed
 * gateway (gateway/dist/main/gateway.js) exactly as the Dockerfile does, waits for /health, signs the first admin in
 * through the compiled gateway and subgraphs, checks that / serves the built app under its security headers, and
 * stops both with SIGTERM. Node 20 cannot load a .ts file, so any import that still reached TypeScript source fails.
 */
const NODE_FLAGS = ['--conditions=clinigraph-dist', '--enable-source-maps'];
const step = (message: string) => console.log(`smoke:compiled: ${message}`);

for (const file of ['gateway/dist/main/embedded.js', 'gateway/dist/main/gateway.js', 'web/dist/index.html']) {
  if (!existsSync(join(repoRoot, file))) {
    console.error(`smoke:compiled: ${file} is missing; run \`npm run build\` first`);
    process.exit(1);
  }
}

function check(condition: unknown, message: string, service: Service): asserts condition {
  if (!condition) throw new Error(`${message}\n--- ${service.name} output ---\n${service.output()}`);
}

async function stopsCleanly(service: Service) {
  const { code, forced } = await service.stop();
  check(!forced && code === 0, `${service.name} did not stop cleanly on SIGTERM (exit ${code}${forced ? ', killed' : ''})`, service);
  step(`${service.name}: stopped cleanly on SIGTERM`);
}

/** The child's environment: no loader inherited from this tsx process, production settings. */
const productionEnv = (extra: Record<string, string>): NodeJS.ProcessEnv => {
  const { NODE_OPTIONS: _loader, DATABASE_URL: _database, ...rest } = process.env;
  return { ...rest, NODE_ENV: 'production', LOG_LEVEL: 'warn', ...extra };
};

async function embedded(dataDir: string) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const password = randomBytes(18).toString('base64url');
  const env = productionEnv({
    CLINIGRAPH_DATA_DIR: dataDir,
    PORT: String(port),
    CLINIGRAPH_ADMIN_PASSWORD: password,
    // Required in production; nothing is mailed during this run.
    SMTP_URL: 'smtp://127.0.0.1:1',
    CLINIGRAPH_JOBS: 'off',
  });
  const started = Date.now();
  const service = startService('embedded (compiled)', process.execPath, [...NODE_FLAGS, 'gateway/dist/main/embedded.js'], env);
  try {
    await waitForHealth(service, `${base}/health`, 60_000);
    step(`embedded: healthy in ${Date.now() - started} ms`);
    const email = /First admin: (\S+)/.exec(service.output())?.[1];
    check(email, 'the production start did not print its first admin', service);
    const { login } = await gqlClient(`${base}/graphql`).data<{ login: { accessToken: string } }>(
      'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
      { email, password },
    );
    check(login.accessToken, 'the first admin could not sign in', service);
    step('embedded: the first admin signed in through the compiled gateway and people');
    const page = await fetch(`${base}/`);
    check(page.ok && (await page.text()).includes('<div id="root">'), `/ answered ${page.status} without the built app`, service);
    check(page.headers.get('content-security-policy')?.includes("frame-ancestors 'none'"), '/ has no Content-Security-Policy', service);
    step('embedded: / serves the built app under its Content-Security-Policy');
  } catch (err) {
    await service.stop();
    throw err;
  }
  await stopsCleanly(service);
}

async function distributedGateway() {
  const port = await freePort();
  const { publicKey } = await generateKeyPems();
  const env = productionEnv({ PORT: String(port), CLINIGRAPH_JWT_PUBLIC_KEY: publicKey, CLINIGRAPH_INTERNAL_SECRET: randomBytes(32).toString('hex') });
  const started = Date.now();
  const service = startService('gateway (compiled)', process.execPath, [...NODE_FLAGS, 'gateway/dist/main/gateway.js'], env);
  try {
    await waitForHealth(service, `http://127.0.0.1:${port}/health`, 30_000);
    step(`gateway: healthy in ${Date.now() - started} ms`);
  } catch (err) {
    await service.stop();
    throw err;
  }
  await stopsCleanly(service);
}

const dataDir = mkdtempSync(join(tmpdir(), 'clinigraph-compiled-'));
try {
  await Promise.all([embedded(dataDir), distributedGateway()]);
  step('passed');
} catch (err) {
  console.error(`smoke:compiled: FAILED\n${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
