/**
 * What an error may say in a log. Health data and secrets never reach one: drizzle's "Failed query: …
 * params: …" loses its SQL text and parameters, a PostgreSQL error keeps its code and names (constraint,
 * table, column) but not its detail or anything its message quotes, a URL loses its password, and an e-mail
 * address (a patient's or a recipient's) is masked wherever it appears.
 */

export interface SafeError {
  type: string;
  message: string;
  code?: string;
  stack?: string;
  [field: string]: unknown;
}

const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^:/?#@\s]*:)[^@\s]*@/gi;
const EMAIL = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/gi;

/** A URL (or a string holding URLs, well formed or not) with every password replaced by `***`. */
export const redactUrl = (text: string): string => text.replace(URL_PASSWORD, '$1***@');

/** Free text with URL passwords and e-mail addresses masked. */
export const scrubText = (text: string): string => redactUrl(text).replace(EMAIL, '[email]');

/** The names PostgreSQL gives an error; never its detail, where or internal query, which quote row values. */
const PG_FIELDS = ['severity', 'constraint', 'constraint_name', 'table', 'table_name', 'column', 'column_name', 'schema', 'schema_name', 'routine'];

const isPgError = (e: Record<string, unknown>): boolean => typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && ('severity' in e || 'routine' in e);

/** drizzle wraps a driver error as "Failed query: <sql>\nparams: <values>" with `query` and `params`. */
const isDrizzleQueryError = (e: Record<string, unknown>): boolean =>
  e.name === 'DrizzleQueryError' || (typeof e.message === 'string' && e.message.startsWith('Failed query:'));

/**
 * PostgreSQL quotes the offending value in its message (`invalid input syntax for type uuid: "Garcia"`,
 * `relation "Garcia" does not exist`), so every quoted part goes; the names stay in their own fields.
 */
const pgMessage = (message: string): string => scrubText(message.replace(/"[^"]*"/g, '"…"'));

function messageOf(e: Record<string, unknown>): string {
  const message = typeof e.message === 'string' ? e.message : String(e.message ?? '');
  if (isDrizzleQueryError(e)) return 'Failed query (SQL text and parameters withheld)';
  if (isPgError(e)) return pgMessage(message);
  return scrubText(message);
}

/** The stack's frames under a safe first line: the original first line repeats the message. */
function stackOf(e: Record<string, unknown>, type: string, message: string): string | undefined {
  if (typeof e.stack !== 'string') return undefined;
  const frames = e.stack.split('\n').filter((line) => /^\s+at /.test(line));
  return [`${type}: ${message}`, ...frames.map(scrubText)].join('\n');
}

/** The pino serializer for `err`: a whitelist of fields, the cause chain followed a few levels deep. */
export function serializeError(err: unknown, depth = 0): unknown {
  if (typeof err === 'string') return scrubText(err);
  if (!err || typeof err !== 'object') return err;
  const e = err as Record<string, unknown>;
  // drizzle's DrizzleQueryError keeps the name 'Error'; its class says what it is.
  const className = typeof e.constructor === 'function' && e.constructor.name !== 'Object' ? e.constructor.name : undefined;
  const type = (className !== 'Error' && className) || (typeof e.name === 'string' && e.name) || 'Error';
  const message = messageOf(e);
  const out: SafeError = { type, message };
  if (typeof e.code === 'string' || typeof e.code === 'number') out.code = String(e.code);
  if (isPgError(e)) for (const field of PG_FIELDS) if (typeof e[field] === 'string') out[field] = e[field];
  const stack = stackOf(e, type, message);
  if (stack) out.stack = stack;
  if (e.cause && depth < 4) out.cause = serializeError(e.cause, depth + 1);
  return out;
}
