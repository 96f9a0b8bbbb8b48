import { DEMO_PASSWORD } from '@clinigraph/people';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryLimits } from '../../src/limits.ts';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';
import { closeSocketsAfterEach, codesOf, LiveSocket, type Message } from './socket.ts';

let stack: TestStack;
let production: string;
beforeAll(async () => {
  stack = await startTestStack();
  production = (await stack.extraGateway({ production: true })).url;
});
afterAll(() => stack?.stop());
closeSocketsAfterEach();

const nested = (levels: number) => `{ ${'... on Query { '.repeat(levels)}__typename${' }'.repeat(levels)} }`;
const aliased = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
const messagesOf = (answer: Message) => (answer.payload as { message: string }[]).map((e) => e.message).join('\n');
const LOGIN = `mutation { login(email: "reception@clinigraph.local", password: "${DEMO_PASSWORD}") { accessToken } }`;

const post = (gatewayUrl: string, query: string) =>
  fetch(`${gatewayUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });

describe('the same query limits as HTTP', () => {
  it('refuses a query deeper than the limit with a GraphQL error, and the socket keeps serving', async () => {
    const socket = await LiveSocket.open(stack.gateway.url);
    const deep = await socket.run('deep', nested(queryLimits.maxDepth + 1));
    expect(deep.type).toBe('error');
    expect(codesOf(deep)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(messagesOf(deep)).toMatch(/depth limit of 12 exceeded/);

    expect(socket.isOpen).toBe(true);
    expect((await socket.run('ok', nested(queryLimits.maxDepth - 1))).payload.data).toEqual({ __typename: 'Query' });
  });

  it('refuses more aliases than allowed and documents past the token limit', async () => {
    const socket = await LiveSocket.open(stack.gateway.url);
    const aliases = await socket.run('aliases', aliased(queryLimits.maxAliases + 1));
    expect(codesOf(aliases)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(messagesOf(aliases)).toMatch(/Aliases limit of 15 exceeded/);
    const huge = `{ ${'__typename '.repeat(queryLimits.maxTokens + 1)}}`;
    expect(codesOf(await socket.run('tokens', huge))).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(socket.isOpen).toBe(true);
  });

  it('gives no field suggestions and no introspection in production, as over HTTP', async () => {
    const dev = await LiveSocket.open(stack.gateway.url);
    expect(messagesOf(await dev.run('typo', '{ mee { id } }'))).toMatch(/Did you mean "me"/);

    const prod = await LiveSocket.open(production);
    const typo = await prod.run('typo', '{ mee { id } }');
    expect(codesOf(typo)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(messagesOf(typo)).not.toMatch(/Did you mean/);
    expect(messagesOf(typo)).not.toMatch(/"me"/);
    expect(new Set(codesOf(await prod.run('schema', '{ __schema { types { name } } }')))).toEqual(new Set(['GRAPHQL_VALIDATION_FAILED']));
    expect(prod.isOpen).toBe(true);
  });
});

describe('the same rate limits as HTTP, on the same counters', () => {
  it('limits sign-ins sent over the socket, and counts them against HTTP sign-ins', async () => {
    const gateway = await stack.extraGateway({ rateLimits: { auth: 2 } });
    const socket = await LiveSocket.open(gateway.url);
    for (const id of ['a', 'b']) expect((await socket.run(id, LOGIN)).payload.data.login.accessToken).toEqual(expect.any(String));

    const refused = await socket.run('c', LOGIN);
    expect(codesOf(refused)).toEqual(['TOO_MANY_REQUESTS']);
    expect(refused.payload[0].extensions.retryAfterSeconds).toBe(60);
    expect(socket.isOpen).toBe(true);
    expect((await socket.run('d', '{ __typename }')).payload.data).toEqual({ __typename: 'Query' });
    expect((await post(gateway.url, LOGIN)).status).toBe(429);
  });

  it('refuses two sign-in fields in one operation', async () => {
    const socket = await LiveSocket.open(stack.gateway.url);
    const body = LOGIN.slice('mutation { '.length, -2);
    expect(codesOf(await socket.run('twice', `mutation { a: ${body} b: ${body} }`))).toEqual(['BAD_REQUEST']);
  });

  it('limits every operation per IP, HTTP and socket together', async () => {
    const gateway = await stack.extraGateway({ rateLimits: { perIp: 3 } });
    expect((await post(gateway.url, '{ __typename }')).status).toBe(200);
    const socket = await LiveSocket.open(gateway.url);
    for (const id of ['a', 'b']) expect((await socket.run(id, '{ __typename }')).payload.data).toEqual({ __typename: 'Query' });
    expect(codesOf(await socket.run('c', '{ __typename }'))).toEqual(['TOO_MANY_REQUESTS']);
    expect((await post(gateway.url, '{ __typename }')).status).toBe(429);
  });

  it('limits each signed-in user', async () => {
    const gateway = await stack.extraGateway({ rateLimits: { perUser: 2 } });
    const reception = await stack.as('receptionist');
    const socket = await LiveSocket.open(gateway.url, reception.token);
    for (const id of ['a', 'b']) expect((await socket.run(id, '{ me { id } }')).payload.errors).toBeUndefined();
    expect(codesOf(await socket.run('c', '{ me { id } }'))).toEqual(['TOO_MANY_REQUESTS']);
    const other = await LiveSocket.open(gateway.url, (await stack.as('doctor')).token);
    expect((await other.run('a', '{ me { id } }')).payload.errors).toBeUndefined();
  });
});
