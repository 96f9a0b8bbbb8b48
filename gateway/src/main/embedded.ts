import { fileURLToPath } from 'node:url';
import { connect, useDevKeys } from '@clinigraph/kit';
import { DEMO_PASSWORD } from '@clinigraph/people';
import { seedDemo } from './seed.ts';
import { startStack } from './stack.ts';

/**
 * `npm start`: the whole clinic in one process on embedded PGlite, with demo data, at one URL.
 * Data lives in .data/ (or CLINIGRAPH_DATA_DIR) and survives restarts.
 */
const dataDir = process.env.CLINIGRAPH_DATA_DIR ?? fileURLToPath(new URL('../../../.data/', import.meta.url));
const started = Date.now();
await useDevKeys(`${dataDir}/keys.json`);
const database = await connect({ dataDir: `${dataDir}/pglite` });
const stack = await startStack(database, { port: Number(process.env.PORT ?? 4000), host: process.env.HOST ?? '127.0.0.1' });
const seed = await seedDemo(database.db);

const width = Math.max(...seed.logins.map((l) => l.email.length));
console.log(`
Clinigraph is running at ${stack.gateway.url}  (GraphQL: ${stack.gateway.url}/graphql) — ready in ${Date.now() - started} ms
Data: ${dataDir}

Demo sign-ins (password for all: ${DEMO_PASSWORD})
${seed.logins.map((l) => `  ${l.email.padEnd(width)}  ${l.role.padEnd(12)} ${l.name}`).join('\n')}
`);

const stop = async () => {
  await stack.close();
  await database.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
