import { codeOf, gqlRequest } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryLimits } from '../../src/limits.ts';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';

let stack: TestStack;
let productionUrl: string;
beforeAll(async () => {
  stack = await startTestStack();
  productionUrl = `${(await stack.extraGateway({ production: true })).url}/graphql`;
});
afterAll(() => stack?.stop());

const nested = (levels: number) => `{ ${'... on Query { '.repeat(levels)}__typename${' }'.repeat(levels)} }`;
const aliased = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
/** A valid document of many small fragments: about 9 tokens each, and cheap in every other limit. */
const fragments = (count: number) => {
  const names = Array.from({ length: count }, (_, i) => `F${i}`);
  return `{ ${names.map((n) => `...${n}`).join(' ')} } ${names.map((n) => `fragment ${n} on Query { __typename }`).join(' ')}`;
};
const tokensIn = (doc: string) => doc.match(/\.\.\.|[{}]|\w+/g)?.length ?? 0;
const messages = (result: { errors: { message: string }[] }) => result.errors.map((e) => e.message).join('\n');

describe('query shape limits', () => {
  it('accepts a query within every limit', async () => {
    const result = await stack.anonymous.request(`${nested(queryLimits.maxDepth - 1)}`);
    expect(result.errors).toEqual([]);
    expect(result.data).toEqual({ __typename: 'Query' });
  });

  it('rejects a query deeper than the depth limit', async () => {
    const result = await stack.anonymous.request(nested(queryLimits.maxDepth + 1));
    expect(result.status).toBe(400);
    expect(messages(result)).toMatch(/depth limit of 12 exceeded/);
  });

  it('rejects more aliases than allowed', async () => {
    expect((await stack.anonymous.request(aliased(queryLimits.maxAliases))).errors).toEqual([]);
    const result = await stack.anonymous.request(aliased(queryLimits.maxAliases + 1));
    expect(result.status).toBe(400);
    expect(messages(result)).toMatch(/Aliases limit of 15 exceeded/);
  });

  it('rejects a document with too many tokens before validating it', async () => {
    expect(tokensIn(fragments(220))).toBeLessThan(queryLimits.maxTokens);
    expect((await stack.anonymous.request(fragments(220))).errors).toEqual([]);
    expect(tokensIn(fragments(223))).toBeGreaterThan(queryLimits.maxTokens);
    const result = await stack.anonymous.request(fragments(223));
    expect(result.status).toBe(400);
    expect(codeOf(result)).toBe('GRAPHQL_PARSE_FAILED');
    expect(messages(result)).toMatch(/more th\w+ 2000 tokens/);
  });

  it('rejects a query whose cost is over the limit, page sizes included', async () => {
    const page = (first: number) => `{ patients(first: ${first}) { edges { node { id displayName } } } }`;
    expect(messages(await stack.anonymous.request(page(100)))).not.toMatch(/Cost limit/);
    const result = await stack.anonymous.request(page(1000));
    expect(result.status).toBe(400);
    expect(messages(result)).toMatch(/Cost limit of 5000 exceeded/);
  });

  it('costs a fragment spread the same as its fields written inline (the web app shares fields as fragments)', async () => {
    const fields = 'id number status totalMinor payments { id number appliedMinor }';
    const inline = (first: number) => `{ invoices(first: ${first}) { nodes { ${fields} } } }`;
    const spread = (first: number) => `{ invoices(first: ${first}) { nodes { ...F } } } fragment F on Invoice { ${fields} }`;
    expect(messages(await stack.anonymous.request(inline(180)))).toMatch(/Cost limit/);
    expect(messages(await stack.anonymous.request(inline(150)))).not.toMatch(/Cost limit/);
    expect(messages(await stack.anonymous.request(spread(150)))).not.toMatch(/Cost limit/);
  });
});

describe('malformed requests', () => {
  const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(stack.graphqlUrl, { method: 'POST', headers, body });

  const get = (search: string) => fetch(`${stack.graphqlUrl}${search}`, { headers: { 'apollo-require-preflight': 'true' } });

  const cases: [string, () => Promise<Response>][] = [
    ['a GET without a query', () => get('')],
    ['a mutation over GET', () => get(`?query=${encodeURIComponent('mutation { logout(refreshToken: "x") }')}`)],
    ['a body that is not JSON', () => post('{"query": ')],
    ['a batched request', () => post(JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]))],
    ['a query that is not a string', () => post(JSON.stringify({ query: 42 }))],
    ['no query at all', () => post('{}')],
    ['variables as a string', () => post(JSON.stringify({ query: '{ __typename }', variables: '{}' }))],
    ['a query that does not parse', () => post(JSON.stringify({ query: '{ me { ' }))],
    ['an unknown operation name', () => post(JSON.stringify({ query: 'query A { __typename }', operationName: 'B' }))],
    ['a plain-text body', () => post('{ __typename }', { 'content-type': 'text/plain' })],
    ['a body over 1 MB', () => post(JSON.stringify({ query: `{ __typename } #${'x'.repeat(1_100_000)}` }))],
    ['a JSON null', () => post('null')],
    ['a wrong variable type', () => post(JSON.stringify({ query: 'query P($id: ID!) { patient(id: $id) { id } }', variables: { id: { a: 1 } } }))],
  ];

  it.each(cases)('answers %s with a 4xx GraphQL error, never a 500 or a stack trace', async (_name, send) => {
    const res = await send();
    const text = await res.text();
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const body = JSON.parse(text) as { errors: { message: string; extensions: { code: string; stacktrace?: unknown } }[] };
    expect(body.errors[0]?.extensions.code).toMatch(/^[A-Z_]+$/);
    expect(text).not.toMatch(/stacktrace|\bat .+\.(ts|js):\d+|node_modules/);
  });
});

describe('in production', () => {
  it('answers introspection with a validation error', async () => {
    const result = await gqlRequest(productionUrl, '{ __schema { types { name } } }');
    expect(result.status).toBe(400);
    expect(codeOf(result)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await stack.anonymous.request('{ __schema { queryType { name } } }')).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('gives no field suggestions', async () => {
    const dev = await stack.anonymous.request('{ mee { id } }');
    expect(messages(dev)).toMatch(/Did you mean "me"/);
    const prod = await gqlRequest(productionUrl, '{ mee { id } }');
    expect(codeOf(prod)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(messages(prod)).not.toMatch(/Did you mean/);
    expect(messages(prod)).not.toMatch(/"me"/);
  });
});
