import { log } from './log.ts';

/** CLINIGRAPH_SHUTDOWN_GRACE_MS: how long in-flight requests may take to finish once a process is told to stop (10 s). */
export const shutdownGraceFromEnv = (): number => {
  const value = Number(process.env.CLINIGRAPH_SHUTDOWN_GRACE_MS);
  return Number.isFinite(value) && value >= 0 && process.env.CLINIGRAPH_SHUTDOWN_GRACE_MS ? value : 10_000;
};

/**
 * Stops the process on SIGTERM or SIGINT, once however many signals arrive: runs `stop` (stop accepting,
 * finish in-flight work, close connections) and exits 0. If `stop` has not finished a few seconds after the
 * grace period, it exits 1 anyway, so an orchestrator never waits on a stuck process.
 */
export function stopOnSignals(service: string, stop: () => Promise<void>, graceMs = shutdownGraceFromEnv()): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ service, signal, graceMs }, 'stopping: finishing in-flight requests');
    setTimeout(() => {
      log.error({ service }, 'stop did not finish in time; exiting');
      process.exit(1);
    }, graceMs + 5_000).unref();
    stop().then(
      () => {
        log.info({ service }, 'stopped');
        process.exit(0);
      },
      (err: unknown) => {
        log.error({ service, err }, 'stop failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
