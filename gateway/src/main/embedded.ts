import { fileURLToPath } from 'node:url';
import { connect, runMigrations, useDevKeys } from '@clinigraph/kit';
import { DEMO_PASSWORD } from '@clinigraph/people';
import { subgraphModules } from '../subgraphs.ts';
import { seedDemo } from './seed.ts';
import { startStack } from './stack.ts';

/**
 * `npm start`: the whole clinic in one process on embedded PGlite, with demo data, at one URL.
 * Data lives in .data/ (or CLINIGRAPH_DATA_DIR) and survives restarts. It listens only once migrated and
 * seeded, so /health answering means the demo logins work.
 */
const dataDir = process.env.CLINIGRAPH_DATA_DIR ?? fileURLToPath(new URL('../../../.data/', import.meta.url));
const started = Date.now();
await useDevKeys(`${dataDir}/keys.json`);
const database = await connect({ dataDir: `${dataDir}/pglite` });
await runMigrations(
  database,
  subgraphModules.map((m) => m.migrations),
);
const seed = await seedDemo(database.db);
// The stack also ticks every subgraph's jobs (reminders, waitlist expiry, the daily expiry check) unless CLINIGRAPH_JOBS=off.
const stack = await startStack(database, { port: Number(process.env.PORT ?? 4000), host: process.env.HOST ?? '127.0.0.1', migrate: false });

const width = Math.max(...seed.logins.map((l) => l.email.length));
console.log(`
Clinigraph is running at ${stack.gateway.url}  (GraphQL: ${stack.gateway.url}/graphql) — ready in ${Date.now() - started} ms
Data: ${dataDir}

Demo sign-ins (password for all: ${DEMO_PASSWORD})
${seed.logins.map((l) => `  ${l.email.padEnd(width)}  ${l.role.padEnd(12)} ${l.name}`).join('\n')}
`);

/** Stops once, however many signals arrive (a terminal's Ctrl-C reaches npm, tsx and this process at once). */
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await stack.close();
  await database.close();
  console.log('Clinigraph stopped');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
