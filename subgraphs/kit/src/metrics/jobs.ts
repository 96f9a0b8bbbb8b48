import { Counter, Histogram } from 'prom-client';
import { metricsRegistry } from './registry.ts';

const runs = new Counter({
  name: 'clinigraph_job_runs_total',
  help: 'Scheduled job runs this process made, by job (service.name) and outcome (ok or failed)',
  labelNames: ['job', 'outcome'],
  registers: [metricsRegistry],
});
const duration = new Histogram({
  name: 'clinigraph_job_run_duration_seconds',
  help: 'How long each job run took, by job',
  labelNames: ['job'],
  buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
  registers: [metricsRegistry],
});

/** Records one job run (job names are fixed in code, so the label stays small). */
export function recordJobRun(job: string, ok: boolean, seconds: number): void {
  runs.inc({ job, outcome: ok ? 'ok' : 'failed' });
  duration.observe({ job }, seconds);
}
