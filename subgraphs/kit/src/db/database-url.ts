import { redactUrl } from '../log-safety.ts';

/**
 * Checks a PostgreSQL URL before a driver reads it. A malformed one stops the caller with an error that
 * shows the URL with its password masked: the driver's own TypeError carries the whole URL as `input`.
 */
export function checkDatabaseUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`The database URL is malformed: ${redactUrl(url)}`);
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new Error(`The database URL must start with postgres:// (got ${redactUrl(url)})`);
  }
}
