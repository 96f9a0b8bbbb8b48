/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

/** The web app. `npm run dev -w @clinigraph/web` proxies the API to a gateway on port 4000 (`npm start`). */
export default defineConfig({
  plugins: [solid()],
  server: {
    proxy: { '/graphql': { target: 'http://127.0.0.1:4000', ws: true }, '/health': 'http://127.0.0.1:4000' },
  },
  build: { outDir: 'dist', emptyOutDir: true },
  // Component tests (the root vitest.config.ts extends this): the router ships JSX, so vitest compiles it too.
  test: { server: { deps: { inline: [/@solidjs\/router/] } } },
});
