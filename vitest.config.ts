import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

/**
 * Browser journeys need Debian's chromium (.ci/run installs it). Without it they are left out with a
 * notice, so `npm test` still passes on a fresh machine; in CI (CI=true) they always run.
 */
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const browserJourneys = existsSync(chromium) || process.env.CI ? ['web/e2e/**/*.e2e.ts'] : [];
if (!browserJourneys.length)
  console.warn(`[vitest] ${chromium} not found: browser journeys (web/e2e) are skipped. Install it with: apt-get install -y chromium`);

const shared = {
  env: { CLINIGRAPH_SCRYPT_N: '1024', NODE_ENV: 'test' },
  testTimeout: 30_000,
  hookTimeout: 120_000,
};

/**
 * Projects are chosen by file suffix: *.test.ts (beside the code), *.int.test.ts (whole stack), *.e2e.ts (processes, browser),
 * and *.test.tsx for web components (jsdom, built with web's own Vite config).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: 'unit',
          include: ['subgraphs/*/src/**/*.test.ts', 'gateway/src/**/*.test.ts', 'web/scripts/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
        },
      },
      { test: { ...shared, name: 'int', include: ['subgraphs/*/src/**/*.int.test.ts', 'gateway/src/**/*.int.test.ts', 'gateway/test/**/*.int.test.ts'] } },
      // Components read the clock in UTC wherever the tests run, so a clinic in New York is another zone (named beside its times).
      {
        extends: './web/vite.config.ts',
        test: { ...shared, env: { ...shared.env, TZ: 'UTC' }, name: 'web', environment: 'jsdom', include: ['web/src/**/*.test.tsx'] },
      },
      { test: { ...shared, name: 'e2e', include: ['gateway/test/**/*.e2e.ts', ...browserJourneys], fileParallelism: false, testTimeout: 120_000 } },
    ],
  },
});
