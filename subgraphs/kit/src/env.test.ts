import { describe, expect, it } from 'vitest';
import { checkEnvironment } from './env.ts';

/** Every process checks its settings at start and names the first bad or missing one, never its value. */
const PUBLIC_KEY = '-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----';
const subgraph = { DATABASE_URL: 'postgres://clinigraph:s3cret-pw@db:5432/clinigraph', CLINIGRAPH_INTERNAL_SECRET: 'i'.repeat(32) };
const problem = (kind: Parameters<typeof checkEnvironment>[0], env: NodeJS.ProcessEnv) => {
  const result = checkEnvironment(kind, env);
  return result.ok ? null : result.problem;
};

describe('the start-up check of the environment', () => {
  it('accepts a complete subgraph environment and parses it', () => {
    const result = checkEnvironment('subgraph', { ...subgraph, PORT: '4002', DB_POOL_SIZE: '4', LOG_LEVEL: 'warn', UNRELATED: 'x' });
    expect(result).toEqual({ ok: true, env: { ...subgraph, PORT: '4002', DB_POOL_SIZE: '4', LOG_LEVEL: 'warn' } });
  });

  it('names a missing required setting with what to do', () => {
    expect(problem('subgraph', {})).toBe('DATABASE_URL is not set: point it at the PostgreSQL database, e.g. postgres://postgres@127.0.0.1:5432/clinigraph');
    expect(problem('gateway', { PORT: '4000' })).toBe(
      'CLINIGRAPH_JWT_PUBLIC_KEY is not set: give every process the public key people signs with (npm run keys)',
    );
  });

  it('asks the gateway and every subgraph for the internal-call secret, at least 32 characters', () => {
    const hint = 'give the gateway and every subgraph the same secret for their internal calls (npm run keys prints one)';
    expect(problem('subgraph', { DATABASE_URL: subgraph.DATABASE_URL })).toBe(`CLINIGRAPH_INTERNAL_SECRET is not set: ${hint}`);
    expect(problem('gateway', { CLINIGRAPH_JWT_PUBLIC_KEY: PUBLIC_KEY })).toBe(`CLINIGRAPH_INTERNAL_SECRET is not set: ${hint}`);
    expect(problem('gateway', { CLINIGRAPH_JWT_PUBLIC_KEY: PUBLIC_KEY, CLINIGRAPH_INTERNAL_SECRET: 'short' })).toBe(
      'CLINIGRAPH_INTERNAL_SECRET is invalid: must be at least 32 characters (e.g. openssl rand -hex 32)',
    );
    expect(problem('embedded', {})).toBeNull();
  });

  it('names a bad setting and the rule it breaks, without echoing the value', () => {
    expect(problem('subgraph', { ...subgraph, PORT: 'eighty' })).toBe('PORT is invalid: must be a port number (0 to 65535)');
    expect(problem('subgraph', { ...subgraph, PORT: '70000' })).toBe('PORT is invalid: must be a port number (0 to 65535)');
    expect(problem('gateway', { CLINIGRAPH_JWT_PUBLIC_KEY: 'not a key' })).toBe(
      'CLINIGRAPH_JWT_PUBLIC_KEY is invalid: must be a PEM (PUBLIC KEY); npm run keys makes a pair',
    );
    const malformed = problem('subgraph', { DATABASE_URL: 'mysql://clinigraph:s3cret-pw@db/clinigraph' });
    expect(malformed).toBe('DATABASE_URL is invalid: must be a postgres:// URL');
    expect(malformed).not.toContain('s3cret');
    expect(problem('subgraph', { ...subgraph, LOG_LEVEL: 'loud' })).toMatch(/^LOG_LEVEL is invalid: must be one of/);
  });

  it('treats an empty variable as unset', () => {
    expect(problem('subgraph', { DATABASE_URL: '' })).toMatch(/^DATABASE_URL is not set/);
    expect(problem('subgraph', { ...subgraph, SMTP_URL: '' })).toBeNull();
  });

  it('asks more in production: the public key for a subgraph, SMTP_URL for the embedded start', () => {
    expect(problem('subgraph', { ...subgraph, NODE_ENV: 'production' })).toBe(
      'CLINIGRAPH_JWT_PUBLIC_KEY is not set (required in production): give every process the public key people signs with (npm run keys)',
    );
    expect(problem('subgraph', { ...subgraph, NODE_ENV: 'production', CLINIGRAPH_JWT_PUBLIC_KEY: PUBLIC_KEY })).toBeNull();
    expect(problem('embedded', { NODE_ENV: 'production' })).toBe(
      'SMTP_URL is not set (required in production): production sends real mail: set an smtp:// or smtps:// URL',
    );
    expect(problem('embedded', { NODE_ENV: 'production', SMTP_URL: 'smtp://mail.example.org:587' })).toBeNull();
    expect(problem('embedded', {})).toBeNull();
  });

  it('refuses a first admin password shorter than 12 characters', () => {
    expect(problem('embedded', { CLINIGRAPH_ADMIN_PASSWORD: 'short' })).toBe('CLINIGRAPH_ADMIN_PASSWORD is invalid: must be at least 12 characters');
  });
});
