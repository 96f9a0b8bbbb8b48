import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBuilder } from './builder.ts';
import { startTestSubgraph, type TestSubgraph } from './testing/subgraph.ts';

const calls: unknown[] = [];
const builder = createBuilder();
const Filter = builder.inputType('Filter', { fields: (t) => ({ search: t.string(), ids: t.idList() }) });
builder.queryType({
  fields: (t) => ({
    echo: t.string({
      args: { text: t.arg.string({ required: true }), filter: t.arg({ type: Filter }), count: t.arg.int() },
      resolve: (_r, args) => {
        calls.push(args);
        return args.text;
      },
    }),
  }),
});

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph('guard', builder.toSchema());
});
afterAll(() => subgraph?.close());

async function run(query: string, variables: Record<string, unknown> = {}) {
  calls.length = 0;
  return subgraph.client().request(query, variables);
}

describe('input the database cannot store, or too much of it, is refused before any resolver runs', () => {
  it('serves ordinary strings, odd ones included', async () => {
    const result = await run('query Q($t: String!) { echo(text: $t) }', { t: "'; DROP TABLE x; -- 🙂" });
    expect(result.errors).toEqual([]);
    expect(result.data).toEqual({ echo: "'; DROP TABLE x; -- 🙂" });
  });

  it('refuses a NUL in a variable nested in an input object, naming where it was', async () => {
    const result = await run('query Q($f: Filter) { echo(text: "x", filter: $f) }', { f: { search: 'a\u0000b' } });
    expect(calls).toEqual([]);
    expect(result.status).toBe(200);
    expect(result.errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors[0]?.message).toBe('f.search must not contain a NUL character');
    expect(result.errors[0]?.extensions?.issues).toEqual([{ path: 'f.search', message: 'must not contain a NUL character' }]);
  });

  it('refuses a NUL in an inline argument, naming the argument', async () => {
    const result = await run('{ echo(text: "x", filter: { search: "a\\u0000" }) }');
    expect(calls).toEqual([]);
    expect(result.errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors[0]?.message).toBe('filter.search must not contain a NUL character');
  });

  it('refuses half of a surrogate pair (not a character, not storable) but serves whole emoji', async () => {
    const result = await run('query Q($t: String!) { echo(text: $t) }', { t: 'ok\uD800' });
    expect(calls).toEqual([]);
    expect(result.errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors[0]?.extensions?.issues).toEqual([{ path: 't', message: 'must be valid Unicode text' }]);
    expect((await run('query Q($t: String!) { echo(text: $t) }', { t: '\uD83D\uDE42' })).data).toEqual({ echo: '🙂' });
  });

  it('refuses a list longer than 1,000 items, naming it, and serves one of 1,000', async () => {
    const query = 'query Q($f: Filter) { echo(text: "x", filter: $f) }';
    const result = await run(query, { f: { ids: Array(1_001).fill('a') } });
    expect(calls).toEqual([]);
    expect(result.errors[0]?.extensions?.issues).toEqual([{ path: 'f.ids', message: 'must have at most 1,000 items' }]);
    expect((await run(query, { f: { ids: Array(1_000).fill('a') } })).data).toEqual({ echo: 'x' });
  });

  it('answers a variable its type refuses with HTTP 200 and BAD_USER_INPUT, so the gateway passes the refusal on', async () => {
    const result = await run('query Q($n: Int) { echo(text: "x", count: $n) }', { n: 2 ** 31 });
    expect(calls).toEqual([]);
    expect(result.status).toBe(200);
    expect(result.errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors[0]?.extensions?.issues).toEqual([{ path: 'n', message: 'must be a whole number between -2,147,483,648 and 2,147,483,647' }]);
  });
});
