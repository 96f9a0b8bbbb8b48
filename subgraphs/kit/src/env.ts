import { z } from 'zod';

/**
 * Every setting a Clinigraph process reads at start, checked once before it does anything else. Values are
 * never echoed (a URL or key may hold a secret): a problem names the variable and the rule it breaks.
 */
const int = (min: number, max: number, rule: string) =>
  z
    .string()
    .regex(/^\d+$/, rule)
    .refine((v) => Number(v) >= min && Number(v) <= max, rule);
const url = (protocols: string[], rule: string) =>
  z.string().refine((v) => {
    try {
      return protocols.includes(new URL(v).protocol);
    } catch {
      return false;
    }
  }, rule);
const pem = (label: string) => z.string().refine((v) => v.includes(`-----BEGIN ${label}-----`), `must be a PEM (${label}); npm run keys makes a pair`);
const httpUrl = url(['http:', 'https:'], 'must be an http(s) URL');
const millis = int(1, 3_600_000, 'must be a whole number of milliseconds (1 to 3600000)');

export const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test'], 'must be development, production or test').optional(),
  PORT: int(0, 65_535, 'must be a port number (0 to 65535)').optional(),
  HOST: z.string().min(1, 'must not be empty').optional(),
  SUBGRAPH_HOST: z.string().min(1, 'must not be empty').optional(),
  DATABASE_URL: url(['postgres:', 'postgresql:'], 'must be a postgres:// URL').optional(),
  DB_POOL_SIZE: int(1, 1_000, 'must be a whole number from 1 to 1000').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'must be one of fatal, error, warn, info, debug, trace, silent').optional(),
  CLINIGRAPH_JWT_PUBLIC_KEY: pem('PUBLIC KEY').optional(),
  CLINIGRAPH_JWT_PRIVATE_KEY: pem('PRIVATE KEY').optional(),
  CLINIGRAPH_SERVICE_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. openssl rand -hex 32)').optional(),
  CLINIGRAPH_INTERNAL_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. openssl rand -hex 32)').optional(),
  CLINIGRAPH_ACCESS_TOKEN_TTL: int(60, 86_400, 'must be a whole number of seconds (60 to 86400)').optional(),
  CLINIGRAPH_STAFF_SESSION_HOURS: int(1, 24, 'must be a whole number of hours (1 to 24)').optional(),
  CLINIGRAPH_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  CLINIGRAPH_SHUTDOWN_GRACE_MS: int(0, 600_000, 'must be a whole number of milliseconds (0 to 600000)').optional(),
  CLINIGRAPH_SUBGRAPH_TIMEOUT_MS: millis.optional(),
  CLINIGRAPH_PEER_TIMEOUT_MS: millis.optional(),
  CLINIGRAPH_JOBS: z.enum(['on', 'off'], 'must be on or off').optional(),
  CLINIGRAPH_PUBLIC_URL: httpUrl.optional(),
  SMTP_URL: url(['smtp:', 'smtps:'], 'must be an smtp:// or smtps:// URL').optional(),
  PEOPLE_URL: httpUrl.optional(),
  CARE_URL: httpUrl.optional(),
  SCHEDULING_URL: httpUrl.optional(),
  SUPPLY_URL: httpUrl.optional(),
  FINANCE_URL: httpUrl.optional(),
});

export type Environment = z.infer<typeof environmentSchema>;
type Setting = keyof Environment;

/** Which process is starting: each needs its own settings (and more in production). */
export type ProcessKind = 'gateway' | 'subgraph' | 'embedded' | 'migrate' | 'seed';

const HINTS: Partial<Record<Setting, string>> = {
  DATABASE_URL: 'point it at the PostgreSQL database, e.g. postgres://postgres@127.0.0.1:5432/clinigraph',
  CLINIGRAPH_JWT_PUBLIC_KEY: 'give every process the public key people signs with (npm run keys)',
  SMTP_URL: 'production sends real mail: set an smtp:// or smtps:// URL',
  CLINIGRAPH_INTERNAL_SECRET: 'give the gateway and every subgraph the same secret for their internal calls (npm run keys prints one)',
};

const REQUIRED: Record<ProcessKind, { always: Setting[]; production: Setting[] }> = {
  gateway: { always: ['CLINIGRAPH_JWT_PUBLIC_KEY', 'CLINIGRAPH_INTERNAL_SECRET'], production: [] },
  subgraph: { always: ['DATABASE_URL', 'CLINIGRAPH_INTERNAL_SECRET'], production: ['CLINIGRAPH_JWT_PUBLIC_KEY'] },
  embedded: { always: [], production: ['SMTP_URL'] },
  migrate: { always: ['DATABASE_URL'], production: [] },
  seed: { always: ['DATABASE_URL'], production: [] },
};

export type EnvironmentCheck = { ok: true; env: Environment } | { ok: false; problem: string };

/** Checks the environment for one kind of process: the first problem as one line, or the parsed settings. */
export function checkEnvironment(kind: ProcessKind, source: NodeJS.ProcessEnv = process.env): EnvironmentCheck {
  // An empty variable counts as unset (compose files write `NAME: ""` for "not set").
  const given = Object.fromEntries(Object.keys(environmentSchema.shape).flatMap((name) => (source[name] ? [[name, source[name]]] : [])));
  const parsed = environmentSchema.safeParse(given);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, problem: `${String(issue.path[0])} is invalid: ${issue.message}` };
  }
  const env = parsed.data;
  const { always, production } = REQUIRED[kind];
  for (const name of [...always, ...(env.NODE_ENV === 'production' ? production : [])]) {
    if (!env[name])
      return {
        ok: false,
        problem: `${name} is not set${env.NODE_ENV === 'production' && !always.includes(name) ? ' (required in production)' : ''}: ${HINTS[name] ?? 'set it'}`,
      };
  }
  return { ok: true, env };
}

/** Checks the environment at start; on a problem prints one line (no stack trace, no value) and exits with code 2. */
export function validateEnvironment(kind: ProcessKind): Environment {
  const result = checkEnvironment(kind);
  if (result.ok) return result.env;
  process.stderr.write(`clinigraph: cannot start: ${result.problem}\n`);
  process.exit(2);
}
