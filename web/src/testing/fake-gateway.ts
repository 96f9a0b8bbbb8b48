import { checkAgainstApi, explain, reportUnfaithful } from './api-check.ts';

/** What the fake gateway was sent. */
export interface Sent {
  operationName: string;
  variables: Record<string, any>;
  authorization: string | null;
}

export interface GraphQLAnswer {
  data?: unknown;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export type Handler = (variables: Record<string, any>, sent: Sent) => GraphQLAnswer | Promise<GraphQLAnswer>;

/**
 * A stand-in for the gateway's /graphql over HTTP: answers each operation by name from `handlers`,
 * as the real API would, and records what it was sent. An operation without a handler fails the test
 * loudly with a GraphQL error naming it. Each request is checked against the API schema, and each
 * answer against the request's document: a document the API would refuse, or a fake answer it could
 * never send (a missing field, a wrong type, a field nobody asked for), fails the test.
 */
export function fakeGateway(handlers: Record<string, Handler>) {
  const sent: Sent[] = [];
  const fetch = async (_url: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as { query: string; variables?: Record<string, any>; operationName?: string };
    const operationName = body.operationName ?? /(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1] ?? '';
    const entry: Sent = { operationName, variables: body.variables ?? {}, authorization: new Headers(init?.headers).get('authorization') };
    sent.push(entry);
    const handler = handlers[operationName];
    const answer = handler ? await handler(entry.variables, entry) : { errors: [{ message: `fake gateway: no handler for ${operationName}` }] };
    const problems = checkAgainstApi(body, answer);
    if (problems.length) reportUnfaithful(explain(operationName, problems));
    return new Response(JSON.stringify(answer), { headers: { 'content-type': 'application/json' } });
  };
  return { fetch: fetch as typeof globalThis.fetch, sent, named: (name: string) => sent.filter((s) => s.operationName === name) };
}

/** A typed API error as the gateway sends it. */
export const apiError = (code: string, message: string, extensions: Record<string, unknown> = {}): GraphQLAnswer => ({
  data: null,
  errors: [{ message, extensions: { code, ...extensions } }],
});
