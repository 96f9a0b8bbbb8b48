import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express from 'express';

const webDist = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

const placeholder = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Clinigraph</title></head>
<body><main><h1>Clinigraph</h1><p>The web app has not been built. Run <code>npm run build -w @clinigraph/web</code>.</p>
<p>The GraphQL API is at <a href="/graphql">/graphql</a>.</p></main></body></html>`;

/** Serves the built web app at /, with client-side routes falling back to index.html. */
export function serveWeb(app: express.Express): void {
  if (!existsSync(`${webDist}index.html`)) {
    app.get('/', (_req, res) => {
      res.type('html').send(placeholder);
    });
    return;
  }
  app.use(express.static(webDist, { index: 'index.html', maxAge: '1h' }));
  app.get(/^\/(?!graphql|health).*/, (_req, res) => {
    res.sendFile(`${webDist}index.html`);
  });
}
