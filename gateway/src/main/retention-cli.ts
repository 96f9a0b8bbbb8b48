import { parseArgs } from 'node:util';
import { connect } from '@clinigraph/kit';
import { AUDIT_NOTICE, DEFAULT_RETENTION_DAYS, pruneEventLog } from '@clinigraph/kit/events-retention';
import { openEmbedded, runCommand } from '../ops/cli.ts';
import { OpsError } from '../ops/ops-error.ts';
import { subgraphModules } from '../subgraphs.ts';

/**
 * `npm run retention [-- --days N] [--archive FILE]`: removes events.log rows that every consumer has
 * processed and that are older than the window (CLINIGRAPH_EVENT_RETENTION_DAYS, default 30 days),
 * optionally archiving them first. DATABASE_URL, or else the embedded data folder (with npm start stopped).
 * The audit trail is never touched.
 */
const { values } = parseArgs({ options: { days: { type: 'string' }, archive: { type: 'string' } } });
await runCommand('retention', async () => {
  const days = Number(values.days ?? process.env.CLINIGRAPH_EVENT_RETENTION_DAYS ?? DEFAULT_RETENTION_DAYS);
  if (!Number.isInteger(days) || days < 1)
    throw new OpsError(`the retention window must be a whole number of days (at least 1), not ${values.days ?? process.env.CLINIGRAPH_EVENT_RETENTION_DAYS}`);
  const url = process.env.DATABASE_URL;
  const database = url ? await connect({ url, max: 1 }) : (await openEmbedded()).database;
  try {
    const consumers = subgraphModules.flatMap((m) => (m.consumers ?? []).map((c) => c.name));
    const report = await pruneEventLog(database, { consumers, days, archiveFile: values.archive });
    console.log(
      `events.log: removed ${report.removed} rows older than ${report.cutoff.toISOString()} (${days} days) and processed by every consumer (id <= ${report.safeId}); ${report.kept} rows kept`,
    );
    if (report.archiveFile) console.log(`archived the removed rows to ${report.archiveFile} (gzipped JSON lines)`);
    console.log(AUDIT_NOTICE);
  } finally {
    await database.close();
  }
});
