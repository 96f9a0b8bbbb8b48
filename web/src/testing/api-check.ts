import {
  buildSchema,
  type DocumentNode,
  execute,
  GraphQLError,
  GraphQLScalarType,
  getOperationAST,
  getVariableValues,
  type OperationDefinitionNode,
  parse,
  validate,
} from 'graphql';
import { afterEach } from 'vitest';
import apiSdl from '../../../schema/api.graphql?raw';

/** A fake answer as component tests write it. */
export interface FakeAnswer {
  data?: unknown;
  errors?: readonly unknown[];
}

const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** The API's own scalars, as strict about what a fake sends as the gateway is about what it serves. */
const SCALARS: Record<string, (value: unknown) => unknown> = {
  DateTime: (value) => {
    if (typeof value !== 'string' || !isoDateTime.test(value) || Number.isNaN(Date.parse(value)))
      throw new GraphQLError(`DateTime must be an ISO-8601 string with offset, got ${JSON.stringify(value)}`);
    return value;
  },
  Date: (value) => {
    if (typeof value !== 'string' || !isoDate.test(value)) throw new GraphQLError(`Date must be YYYY-MM-DD, got ${JSON.stringify(value)}`);
    return value;
  },
};

/** schema/api.graphql, the schema the gateway serves (written by `npm run compose`). */
export const apiSchema = buildSchema(apiSdl);
for (const [name, serialize] of Object.entries(SCALARS)) {
  const type = apiSchema.getType(name);
  if (type instanceof GraphQLScalarType) type.serialize = serialize;
}

const describe = (value: unknown) => (value === undefined ? 'nothing' : `${JSON.stringify(value)} (${Array.isArray(value) ? 'list' : typeof value})`);

/**
 * Where the fake answer differs from what the API would send for the same document: fields the
 * document did not ask for, fields it asked for that are missing, and values the API would have
 * serialised differently (a number for a String, an unknown enum value…). `__typename` is left to
 * the fake: urql adds it to the selections it sends, and a fake may give it or not.
 */
function differences(expected: unknown, fake: unknown, path: string, out: string[]): void {
  if (expected !== null && typeof expected === 'object' && fake !== null && typeof fake === 'object') {
    if (Array.isArray(expected) !== Array.isArray(fake)) return void out.push(`${path}: the API sends ${describe(expected)}, the fake ${describe(fake)}`);
    const e = expected as Record<string, unknown>;
    const f = fake as Record<string, unknown>;
    for (const key of Object.keys(f)) if (!(key in e) && key !== '__typename') out.push(`${path}.${key}: not asked for by the document (or not in the schema)`);
    for (const key of Object.keys(e)) {
      if (key === '__typename') continue;
      if (!(key in f)) out.push(`${path}.${key}: missing (the API always sends it${e[key] === null ? '; use null' : ''})`);
      else differences(e[key], f[key], `${path}.${key}`, out);
    }
    return;
  }
  if (!Object.is(expected, fake)) out.push(`${path}: the API would send ${describe(expected)}, the fake has ${describe(fake)}`);
}

const operationOf = (document: DocumentNode, operationName?: string | null): OperationDefinitionNode | null =>
  getOperationAST(document, operationName ?? undefined) ?? null;

/**
 * Checks a request the app sent and the fake's answer to it against the API schema: the document must
 * be valid, its variables must fit the operation, and the answer's data must be exactly what the API
 * could send for it, as the app receives it over JSON (run through the schema with each field read
 * from the fake answer). Returns the
 * problems found, in words; none when the fake is faithful. Answers with errors are only checked for
 * the request's side.
 */
export function checkAgainstApi(request: { query: string; variables?: Record<string, unknown>; operationName?: string | null }, answer?: FakeAnswer): string[] {
  let document: DocumentNode;
  try {
    document = parse(request.query);
  } catch (error) {
    return [`the document does not parse: ${(error as Error).message}`];
  }
  const invalid = validate(apiSchema, document);
  if (invalid.length) return invalid.map((e) => `the document is not valid against schema/api.graphql: ${e.message}`);
  const operation = operationOf(document, request.operationName);
  if (!operation) return ['the request names no operation of the document'];
  const coerced = getVariableValues(apiSchema, operation.variableDefinitions ?? [], request.variables ?? {});
  if (coerced.errors) return coerced.errors.map((e) => `variables: ${e.message}`);
  if (!answer || answer.errors?.length || answer.data === undefined) return [];
  if (answer.data === null) return ['data is null without errors: the API never answers like that'];
  const data: unknown = JSON.parse(JSON.stringify(answer.data));
  const result = execute({
    schema: apiSchema,
    document,
    operationName: request.operationName ?? undefined,
    variableValues: request.variables ?? {},
    rootValue: data,
    fieldResolver: (source, _args, _context, info) => (source as Record<string, unknown> | null)?.[info.path.key],
    typeResolver: (value) => (value as { __typename?: string }).__typename,
  });
  if ('then' in result) return ['the document needs an asynchronous answer'];
  const problems = (result.errors ?? []).map((e) => `${['data', ...(e.path ?? [])].join('.')}: ${e.message}`);
  if (!problems.length) differences(result.data, data, 'data', problems);
  return problems;
}

/** The problems as one message for a failing test. */
export const explain = (operationName: string, problems: readonly string[]) =>
  `The fake answer to ${operationName || 'an operation'} is not what the API could send (schema/api.graphql):\n  - ${problems.join('\n  - ')}`;

/** What the fakes got wrong in the running test; the test fails with it once it ends. */
const unfaithful: string[] = [];
afterEach(() => {
  const found = unfaithful.splice(0);
  if (found.length) throw new Error(found.join('\n\n'));
});

/** Records a request or an answer the API would not have made, for the running test to fail with. */
export const reportUnfaithful = (message: string) => void unfaithful.push(message);
