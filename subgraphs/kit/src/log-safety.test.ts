import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBuilder } from './builder.ts';
import { connect } from './db/connect.ts';
import { log } from './log.ts';
import { serializeError } from './log-safety.ts';
import { sendMail } from './mailer.ts';
import { internalCallerHeaders } from './testing/client.ts';
import { type CapturedLogs, captureLogs } from './testing/logs.ts';
import { startTestSubgraph, type TestSubgraph } from './testing/subgraph.ts';

const PATIENT = 'Garcia';
const PASSWORD = 'S3cret-Pw';

/** A resolver whose SQL fails on a value the caller sent: the value is a bound parameter and PostgreSQL quotes it back. */
const builder = createBuilder();
builder.queryType({
  fields: (t) => ({
    lookUp: t.string({
      args: { name: t.arg.string({ required: true }) },
      resolve: async (_r, { name }, ctx) => {
        await ctx.db.execute(sql`select ${name}::regclass`);
        return name;
      },
    }),
  }),
});

let subgraph: TestSubgraph;
let logs: CapturedLogs;
beforeAll(async () => {
  logs = captureLogs();
  subgraph = await startTestSubgraph('logsafety', builder.toSchema());
});
afterAll(async () => {
  logs?.stop();
  await subgraph?.close();
});

const linesSince = (start: number) => logs.lines().slice(start).join('');
const entriesSince = (start: number) => logs.entries().slice(start);

describe('an unexpected database error', () => {
  it('is logged with its SQLSTATE and error types, without the SQL, its parameters or the value PostgreSQL quotes', async () => {
    const start = logs.lines().length;
    const result = await subgraph.client().request('query LookUp($name: String!) { lookUp(name: $name) }', { name: PATIENT });
    expect(result.errors[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');

    const logged = entriesSince(start).find((e) => e.msg === 'unexpected error') as { err: Record<string, any> } | undefined;
    expect(logged?.err).toMatchObject({ type: 'DrizzleQueryError', message: 'Failed query (SQL text and parameters withheld)' });
    expect(logged?.err.cause).toMatchObject({ code: '42P01', message: 'relation "…" does not exist' });
    const text = linesSince(start);
    expect(text).not.toContain('Garcia');
    expect(text).not.toContain('params');
    expect(text).not.toContain('::regclass');
  });
});

describe('the access log', () => {
  it('writes one line per request with method, path, operation, status, duration and request id, and no variables', async () => {
    const start = logs.lines().length;
    const body = JSON.stringify({ query: 'query LookUp($name: String!) { lookUp(name: $name) }', operationName: 'LookUp', variables: { name: PATIENT } });
    const res = await fetch(subgraph.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'kit-log-test-0001', ...(await internalCallerHeaders(subgraph.server.url, body)) },
      body,
    });
    expect(res.headers.get('x-request-id')).toBe('kit-log-test-0001');
    const line = entriesSince(start).find((e) => e.msg === 'request completed');
    expect(line).toMatchObject({ service: 'logsafety', requestId: 'kit-log-test-0001', method: 'POST', path: '/graphql', operation: 'LookUp', status: 200 });
    expect(typeof line?.durationMs).toBe('number');
    expect(linesSince(start)).not.toContain('Garcia');
  });

  it('names the operation the document opens with when the client sends no operationName, and never a word from inside it', async () => {
    const start = logs.lines().length;
    await subgraph.client().request('query Named { __typename }');
    await subgraph.client().request(`{ lookUp(name: "query ${PATIENT}") }`);
    const operations = entriesSince(start)
      .filter((e) => e.msg === 'request completed')
      .map((e) => e.operation ?? null);
    expect(operations).toEqual(['Named', null]);
    expect(linesSince(start)).not.toContain(PATIENT);
  });

  it('answers a body that is not JSON with a GraphQL-shaped 400 and logs no part of the body', async () => {
    const start = logs.lines().length;
    const res = await fetch(subgraph.server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"query": ${PATIENT}` });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ errors: [{ message: 'The request could not be read', extensions: { code: 'BAD_REQUEST' } }] });
    expect(entriesSince(start).find((e) => e.msg === 'request completed')).toMatchObject({ status: 400, level: 40 });
    expect(linesSince(start)).not.toContain(PATIENT);
  });

  it('replaces a malformed X-Request-Id with a generated one, and answers it', async () => {
    const res = await fetch(subgraph.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'no spaces; allowed' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('errors and log calls that carry secrets or contact details', () => {
  it('a malformed database URL is refused without printing its password', async () => {
    const refused = await connect({ url: `postgres://admin:${PASSWORD}@db host:5432/clinic` }).catch((err: Error) => err);
    expect(refused).toBeInstanceOf(Error);
    expect((refused as Error).message).toBe('The database URL is malformed: postgres://admin:***@db host:5432/clinic');
  });

  it('an error message loses URL passwords and e-mail addresses', () => {
    const err = new Error(`550 <maria@example.com>: rejected by smtp://mailer:${PASSWORD}@mail.local:25`);
    const safe = serializeError(err) as { message: string; stack: string };
    expect(safe.message).toBe('550 <[email]>: rejected by smtp://mailer:***@mail.local:25');
    expect(safe.stack).not.toContain(PASSWORD);
    expect(safe.stack).not.toContain('maria@');
  });

  it('fields named after secrets, variables, parameters or recipients are censored wherever a log call puts them', () => {
    const start = logs.lines().length;
    log.info({ variables: { name: PATIENT }, op: { params: [PATIENT], to: 'maria@example.com' } }, 'redaction check');
    const [entry] = entriesSince(start);
    expect(entry).toMatchObject({ variables: '[redacted]', op: { params: '[redacted]', to: '[redacted]' } });
  });

  it('a captured mail is logged without its recipient or content', async () => {
    const start = logs.lines().length;
    await sendMail({ to: 'maria@example.com', subject: `Reminder for ${PATIENT}: dental check-up at 10:00`, text: 'See you soon' });
    const text = linesSince(start);
    expect(text).toContain('mail captured by the dev transport');
    expect(text).not.toContain('maria@example.com');
    expect(text).not.toContain('Garcia');
    expect(text).not.toContain('dental');
  });
});
