import { defineConfig } from 'vitest/config';

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
          include: ['subgraphs/*/src/**/*.test.ts', 'gateway/src/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
        },
      },
      { test: { ...shared, name: 'int', include: ['subgraphs/*/src/**/*.int.test.ts', 'gateway/src/**/*.int.test.ts', 'gateway/test/**/*.int.test.ts'] } },
      { extends: './web/vite.config.ts', test: { ...shared, name: 'web', environment: 'jsdom', include: ['web/src/**/*.test.tsx'] } },
      { test: { ...shared, name: 'e2e', include: ['gateway/test/**/*.e2e.ts', 'web/e2e/**/*.e2e.ts'], fileParallelism: false, testTimeout: 120_000 } },
    ],
  },
});
