import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBuilder } from './builder.ts';
import { startTestSubgraph, type TestSubgraph } from './testing/subgraph.ts';

const calls: unknown[] = [];
const builder = createBuilder();
const Filter = builder.inputType('Filter', { fields: (t) => ({ search: t.string() }) });
builder.queryType({
  fields: (t) => ({
    echo: t.string({
      args: { text: t.arg.string({ required: true }), filter: t.arg({ type: Filter }) },
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

describe('strings with a NUL character are refused before any resolver runs', () => {
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
});
