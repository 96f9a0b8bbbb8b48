import type { LevelWithSilent } from 'pino';
import { log, tapLog } from '../log.ts';

export interface CapturedLogs {
  /** Every line written since capture started, as written (JSON). */
  lines(): string[];
  /** The same lines, parsed. */
  entries(): Record<string, unknown>[];
  stop(): void;
}

/**
 * Captures what the process logs, down to `level`, whatever LOG_LEVEL says (tests run silent).
 * Start it before the servers whose lines you want: loggers made earlier keep the level they had.
 */
export function captureLogs(level: LevelWithSilent = 'debug'): CapturedLogs {
  const lines: string[] = [];
  const previous = log.level;
  log.level = level;
  const untap = tapLog((line) => lines.push(line));
  return {
    lines: () => [...lines],
    entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
    stop: () => {
      untap();
      log.level = previous;
    },
  };
}
