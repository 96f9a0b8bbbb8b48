import { fileURLToPath } from 'node:url';
import { connect, runMigrations, useDevKeys, validateEnvironment } from '@clinigraph/kit';
import { startTracing } from '@clinigraph/kit/tracing/setup';
import { subgraphModules } from '../subgraphs.ts';
import { prepareSignIns } from './sign-ins.ts';
import { startStack } from './stack.ts';

/**
 * `npm start`: the whole clinic in one process on embedded PGlite, with demo data, at one URL.
 * Data lives in .data/ (or CLINIGRAPH_DATA_DIR) and survives restarts. It listens only once migrated and
 * seeded, so /health answering means the demo logins work. With NODE_ENV=production it seeds no demo data
 * and creates a first admin instead (sign-ins.ts).
 */
const env = validateEnvironment('embedded');
const dataDir = process.env.CLINIGRAPH_DATA_DIR ?? fileURLToPath(new URL('../../../.data/', import.meta.url));
const started = Date.now();
// One process, one trace pipeline: spans go to OTEL_EXPORTER_OTLP_ENDPOINT when it is set.
const stopTracing = startTracing('embedded');
await useDevKeys(`${dataDir}/keys.json`);
const database = await connect({ dataDir: `${dataDir}/pglite` });
await runMigrations(
  database,
  subgraphModules.map((m) => m.migrations),
);
const signIns = await prepareSignIns(database.db, env);
// The stack also starts every subgraph's jobs on pg-boss (reminders, waitlist expiry, the daily expiry check) unless CLINIGRAPH_JOBS=off.
const stack = await startStack(database, { port: Number(process.env.PORT ?? 4000), host: process.env.HOST ?? '127.0.0.1', migrate: false });

console.log(`
Clinigraph is running at ${stack.gateway.url}  (GraphQL: ${stack.gateway.url}/graphql) — ready in ${Date.now() - started} ms
Data: ${dataDir}

${signIns}
`);

/** Stops once, however many signals arrive (a terminal's Ctrl-C reaches npm, tsx and this process at once). */
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await stack.close();
  await database.close();
  await stopTracing();
  console.log('Clinigraph stopped');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
