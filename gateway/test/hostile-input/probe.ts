import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { GqlClient } from '@clinigraph/kit/testing';
import {
  buildSchema,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
} from 'graphql';

/** Codes a hostile value may earn: a typed refusal a person can act on. Anything else is a server failure. */
export const acceptableCodes = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'INVALID_STATE', 'UNAUTHENTICATED', 'GRAPHQL_VALIDATION_FAILED']);

/** Raw validator or database wording that must never reach a caller. */
const rawMessage = /invalid input syntax|violates|duplicate key|out of range for type|syntax error at|Failed query|ZodError|"code":\s*"|^\s*\[/i;

export const apiSchema = (): GraphQLSchema => buildSchema(readFileSync(fileURLToPath(new URL('../../../schema/api.graphql', import.meta.url)), 'utf8'));

/** Real ids the baseline uses so that only the hostile argument is wrong. */
export interface ProbeIds {
  facilityId: string;
  providerId: string;
  patientId: string;
}

const today = new Date().toISOString().slice(0, 10);
const hostile: Record<string, unknown[]> = {
  String: ['', ' ', 'x'.repeat(10_000), "'; DROP TABLE x; --", '\u0000', '%_\\', 'Europe/Nowhere', '🙂'],
  ID: ['', 'not-a-uuid', "1' OR '1'='1", '00000000-0000-0000-0000-000000000000', '3f1c2b7e-9d4a-4c1e-8b2a-5e6f7a8b9c0d', 'x'.repeat(5_000), '\u0000'],
  Int: [-1, 0, 2_147_483_647, -2_147_483_648],
  Float: [-1e308, 1e308, -0.5, 0],
  Boolean: [true],
  Date: ['0001-01-01', '9999-12-31', '1899-12-31', '2201-01-01'],
  DateTime: ['0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '1800-01-01T00:00:00Z'],
};
/** Date ranges spanning decades or centuries, sent to every `from`/`to` pair. */
const hostileRanges: Record<string, [string, string][]> = {
  Date: [
    ['0001-01-01', '9999-12-31'],
    ['1950-01-01', '2150-12-31'],
    [today, '2100-01-01'],
  ],
  DateTime: [
    ['0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z'],
    ['1950-01-01T00:00:00Z', '2150-12-31T00:00:00Z'],
  ],
};

function baselineId(name: string, ids: ProbeIds): string {
  if (/facility/i.test(name)) return ids.facilityId;
  if (/provider/i.test(name)) return ids.providerId;
  if (/patient/i.test(name)) return ids.patientId;
  return '5b0b3a1e-6c1d-4f3e-9a2b-1c2d3e4f5a6b';
}

/** A plausible value for a required argument or field, so the request reaches the resolver. */
function baseline(type: GraphQLInputType, name: string, ids: ProbeIds): unknown {
  if (isNonNullType(type)) return baseline(type.ofType, name, ids);
  if (isListType(type)) return [baseline(type.ofType, name, ids)];
  if (isEnumType(type)) return type.getValues()[0]?.name;
  if (isInputObjectType(type)) return baselineObject(Object.values(type.getFields()), ids);
  switch (type.name) {
    case 'ID':
      return baselineId(name, ids);
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'Date':
      return today;
    case 'DateTime':
      return new Date().toISOString();
    default:
      return /zone/i.test(name) ? 'UTC' : 'x';
  }
}

function baselineObject(fields: readonly (GraphQLArgument | GraphQLInputField)[], ids: ProbeIds): Record<string, unknown> {
  return Object.fromEntries(fields.filter((f) => isNonNullType(f.type)).map((f) => [f.name, baseline(f.type, f.name, ids)]));
}

/** Every hostile variant of one object (the field's arguments or an input object): one field wrong at a time, and absurd ranges. */
function variants(fields: readonly (GraphQLArgument | GraphQLInputField)[], ids: ProbeIds): Record<string, unknown>[] {
  const base = baselineObject(fields, ids);
  const out: Record<string, unknown>[] = [];
  for (const field of fields) {
    const named = getNamedType(field.type);
    const list = isListType(isNonNullType(field.type) ? field.type.ofType : field.type);
    let values: unknown[];
    if (isInputObjectType(named)) values = variants(Object.values(named.getFields()), ids);
    else if (isEnumType(named)) values = ['NOT_A_VALUE'];
    else values = hostile[named.name] ?? hostile.String!;
    for (const value of values) out.push({ ...base, [field.name]: list && isLeafType(named) ? [value] : value });
    if (list) out.push({ ...base, [field.name]: [] }, { ...base, [field.name]: Array(500).fill(baseline(named, field.name, ids)) });
  }
  const from = fields.find((f) => f.name === 'from');
  const to = fields.find((f) => f.name === 'to');
  const rangeType = from && to ? getNamedType(from.type).name : '';
  for (const [a, b] of hostileRanges[rangeType] ?? []) out.push({ ...base, from: a, to: b });
  return out;
}

export interface ProbeCase {
  field: string;
  query: string;
  variables: Record<string, unknown>;
}

/** One request per hostile variant of every argument of a root field, built from the API schema's argument types. */
export function probeCases(schema: GraphQLSchema, fieldName: string, ids: ProbeIds): ProbeCase[] {
  const query = schema.getQueryType()?.getFields()[fieldName];
  const mutation = schema.getMutationType()?.getFields()[fieldName];
  const field: GraphQLField<unknown, unknown> | undefined = query ?? mutation;
  if (!field) throw new Error(`no root field ${fieldName}`);
  const declared = field.args.map((a) => `$${a.name}: ${a.type}`).join(', ');
  const passed = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  const document = `${query ? 'query' : 'mutation'} Probe${declared ? `(${declared})` : ''} { ${fieldName}${passed ? `(${passed})` : ''}${selection} }`;
  // `id` of e.g. updateFacility names a facility: the baseline points it at a real one so the input is what gets probed.
  const args = field.args.map((a) => (a.name === 'id' ? { ...a, name: `${fieldName}Id` } : a));
  return variants(args, ids)
    .map((v) => renameKey(v, `${fieldName}Id`, 'id'))
    .map((variables) => ({ field: fieldName, query: document, variables }));
}

function renameKey(v: Record<string, unknown>, from: string, to: string): Record<string, unknown> {
  if (!(from in v)) return v;
  const { [from]: value, ...rest } = v;
  return { ...rest, [to]: value };
}

export interface ProbeFailure {
  field: string;
  variables: string;
  reason: string;
}

const describeVariables = (v: Record<string, unknown>) =>
  JSON.stringify(v, (_k, x) => (typeof x === 'string' && x.length > 40 ? `${x.slice(0, 12)}…(${x.length})` : x));

/** Sends every case (a few at a time) and returns each answer that is neither data nor a typed refusal, or took longer than maxMs. */
export async function runProbe(client: GqlClient, cases: ProbeCase[], { maxMs, concurrency = 4 }: { maxMs: number; concurrency?: number }) {
  const failures: ProbeFailure[] = [];
  const codes: Record<string, number> = {};
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const c = cases[next++]!;
      const started = performance.now();
      const result = await client.request(c.query, c.variables);
      const ms = performance.now() - started;
      const fail = (reason: string) => failures.push({ field: c.field, variables: describeVariables(c.variables), reason });
      for (const error of result.errors) {
        const code = String(error.extensions?.code ?? 'NONE');
        codes[code] = (codes[code] ?? 0) + 1;
        if (!acceptableCodes.has(code)) fail(`${code}: ${error.message.slice(0, 120)}`);
        else if (rawMessage.test(error.message)) fail(`raw message: ${error.message.slice(0, 120)}`);
      }
      if (result.status >= 500) fail(`HTTP ${result.status}`);
      if (ms > maxMs) fail(`took ${Math.round(ms)} ms`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { failures, codes, requests: cases.length };
}
