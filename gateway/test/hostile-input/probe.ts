import { createHash } from 'node:crypto';
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
export const acceptableCodes = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'INVALID_STATE',
  'CONFLICT',
  'UNAUTHENTICATED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PAYLOAD_TOO_LARGE',
  'TOO_MANY_REQUESTS',
]);

/** Raw validator or database wording that must never reach a caller. */
const rawMessage = /invalid input syntax|violates|duplicate key|out of range for type|syntax error at|Failed query|ZodError|"code":\s*"|^\s*\[/i;
/** A stack frame ("    at fn (file.ts:1:2)") in a message. */
const stackFrame = /\n\s+at\s|\.ts:\d+:\d+|\.js:\d+:\d+/;

export const apiSchema = (): GraphQLSchema => buildSchema(readFileSync(fileURLToPath(new URL('../../../schema/api.graphql', import.meta.url)), 'utf8'));

/** Every Query and Mutation root field of the schema, queries first so a write cannot spoil a read. */
export function rootFields(schema: GraphQLSchema): string[] {
  return [...Object.keys(schema.getQueryType()?.getFields() ?? {}), ...Object.keys(schema.getMutationType()?.getFields() ?? {})];
}

/** Real ids of the caller's world, so that only the hostile argument is wrong. */
export interface ProbeIds {
  facilityId: string;
  providerId: string;
  patientId: string;
  appointmentTypeId?: string;
  itemId?: string;
}

const DAY = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const now = Date.now();
const today = isoDate(now);
const RANDOM_UUID = '3f1c2b7e-9d4a-4c1e-8b2a-5e6f7a8b9c0d';

/** Hostile values for each leaf type; a fixed sample of them goes into each argument. */
const hostile: Record<string, unknown[]> = {
  String: [
    '',
    ' ',
    'x'.repeat(10_000),
    '\u0000',
    'a\u0000b',
    '\u202Eevil\u202C',
    '🙂'.repeat(40),
    'Z\u0335\u0321\u0322\u0327',
    "'; DROP TABLE patient; --",
    "' OR 1=1 --",
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '%_\\',
    'Europe/Nowhere',
    '\uFFFF\uD800',
  ],
  ID: [
    '',
    'not-a-uuid',
    "1' OR '1'='1",
    '00000000-0000-0000-0000-000000000000',
    RANDOM_UUID,
    'x'.repeat(5_000),
    '\u0000',
    12345,
    '3F1C2B7E-9D4A-4C1E-8B2A-5E6F7A8B9C0D ',
  ],
  Int: [-1, 0, 2_147_483_647, -2_147_483_648, 2_147_483_648, 1.5, '12'],
  Float: [-1e308, 1e308, -0.5, 0, 5e-324, 'NaN', 'Infinity', '1e999'],
  Boolean: [true, 'yes', 0],
  Date: ['0001-01-01', '0000-01-01', '9999-12-31', '1899-12-31', '2201-01-01', '2024-02-30', 'not-a-date', '', '2024-1-1', '+275760-09-13'],
  DateTime: [
    '0001-01-01T00:00:00Z',
    '0000-01-01T00:00:00Z',
    '9999-12-31T23:59:59Z',
    '1800-01-01T00:00:00Z',
    '2024-02-30T00:00:00Z',
    '2024-01-01T25:00:00Z',
    'yesterday',
    '',
    '+275760-09-13T00:00:00Z',
  ],
};
const hostileEnum = (first: string | undefined) => ['NOT_A_VALUE', '', first?.toLowerCase() ?? 'x', 1];

/** Names of a range's two ends, as fields or arguments of one object. */
const rangeEnds: [string, string][] = [
  ['from', 'to'],
  ['validFrom', 'validTo'],
  ['earliest', 'latest'],
  ['startDate', 'endDate'],
];

/** Absurd ranges for a pair of dates or instants: centuries, backwards, and just past each feature's limit. */
function hostileRanges(type: string): [unknown, unknown][] {
  const at = (ms: number) => (type === 'Date' ? isoDate(ms) : new Date(ms).toISOString());
  const pairs: [number, number][] = [
    [now, now - DAY],
    [now, now + 91 * DAY],
    [now - 3 * 366 * DAY, now],
    [now - 6 * 366 * DAY, now],
    [Date.parse('1950-01-01'), Date.parse('2150-12-31')],
  ];
  return [
    ...pairs.map(([a, b]): [unknown, unknown] => [at(a), at(b)]),
    type === 'Date' ? ['0001-01-01', '9999-12-31'] : ['0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z'],
  ];
}

function baselineId(name: string, ids: ProbeIds): string {
  if (/facility/i.test(name)) return ids.facilityId;
  if (/provider/i.test(name)) return ids.providerId;
  if (/patient|keepId/i.test(name)) return ids.patientId;
  if (/^typeId$|appointmentType/i.test(name) && ids.appointmentTypeId) return ids.appointmentTypeId;
  if (/^itemId$/i.test(name) && ids.itemId) return ids.itemId;
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
      return /^(to|validTo|endDate)$/.test(name) ? isoDate(now + 7 * DAY) : today;
    case 'DateTime':
      return new Date(now + (/^(to|latest|endsAt)$/.test(name) ? 8 : 1) * DAY).toISOString();
    default:
      return /zone/i.test(name) ? 'UTC' : /currency/i.test(name) ? 'USD' : 'x';
  }
}

function baselineObject(fields: readonly (GraphQLArgument | GraphQLInputField)[], ids: ProbeIds): Record<string, unknown> {
  return Object.fromEntries(fields.filter((f) => isNonNullType(f.type)).map((f) => [f.name, baseline(f.type, f.name, ids)]));
}

/** A fixed pseudo-random order (sha-256 of a seed and a label): the same sample every run, a different one per argument. */
function sample<T>(values: T[], k: number, label: string): T[] {
  if (values.length <= k) return values;
  const rank = (i: number) => createHash('sha256').update(`clinigraph-hostile-1:${label}:${i}`).digest().readUInt32BE(0);
  return values
    .map((value, i) => ({ value, r: rank(i) }))
    .sort((a, b) => a.r - b.r)
    .slice(0, k)
    .map((x) => x.value);
}

/** Hostile values for one argument or input field (whole values, already wrapped in a list where the type is one). */
function hostileValues(field: GraphQLArgument | GraphQLInputField, ids: ProbeIds, perArgument: number, label: string): unknown[] {
  const named = getNamedType(field.type);
  const list = isListType(isNonNullType(field.type) ? field.type.ofType : field.type);
  const one = baseline(named, field.name, ids);
  let values: unknown[];
  if (isInputObjectType(named)) {
    const inner = Object.values(named.getFields());
    const base = baselineObject(inner, ids);
    const required = inner.filter((f) => isNonNullType(f.type));
    // Missing required fields, an unknown field, a string for the object, then each inner field hostile.
    const shapes: unknown[] = [{ ...base, notAField: 1 }, 'x', ...(required.length ? [{}] : [])];
    values = [...shapes, ...variants(inner, ids, Math.max(1, perArgument - 1), label)];
  } else if (isEnumType(named)) {
    values = sample(hostileEnum(named.getValues()[0]?.name), perArgument, label);
  } else {
    values = sample(hostile[named.name] ?? hostile.String!, perArgument, label);
  }
  if (!list) return values;
  return [...values.map((v) => [v]), [], Array(10_000).fill(one), [null]];
}

/** Hostile variants of one object (the field's arguments or an input object): one field wrong at a time, then absurd ranges. */
function variants(fields: readonly (GraphQLArgument | GraphQLInputField)[], ids: ProbeIds, perArgument: number, label: string): Record<string, unknown>[] {
  const base = baselineObject(fields, ids);
  const out: Record<string, unknown>[] = [];
  for (const field of fields) {
    for (const value of hostileValues(field, ids, perArgument, `${label}.${field.name}`)) out.push({ ...base, [field.name]: value });
  }
  for (const [a, b] of rangeEnds) {
    const from = fields.find((f) => f.name === a);
    const to = fields.find((f) => f.name === b);
    const type = from && to ? getNamedType(from.type).name : '';
    if (type === 'Date' || type === 'DateTime') for (const [x, y] of hostileRanges(type)) out.push({ ...base, [a]: x, [b]: y });
  }
  return out;
}

export interface ProbeCase {
  field: string;
  query: string;
  variables: Record<string, unknown>;
}

/**
 * Requests for one root field: its arguments as the baseline, then a fixed sample of `perArgument` hostile
 * values in each argument (and in each field of an input object), empty and 10,000-element lists, missing
 * and unknown input fields, and absurd date ranges; at most `perField` of them (a fixed sample). A field without
 * arguments is called once.
 */
export function probeCases(schema: GraphQLSchema, fieldName: string, ids: ProbeIds, perArgument: number, perField = Number.POSITIVE_INFINITY): ProbeCase[] {
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
  const cases = field.args.length ? variants(args, ids, perArgument, fieldName).map((v) => renameKey(v, `${fieldName}Id`, 'id')) : [{}];
  return sample(cases, perField, `${fieldName}:cases`).map((variables) => ({ field: fieldName, query: document, variables }));
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
  JSON.stringify(v, (_k, x) =>
    typeof x === 'string' && x.length > 40 ? `${x.slice(0, 12)}…(${x.length})` : Array.isArray(x) && x.length > 3 ? `[${x.length} items]` : x,
  );

/** What one probe run saw. */
export interface ProbeReport {
  failures: ProbeFailure[];
  codes: Record<string, number>;
  requests: number;
  fields: Set<string>;
  slowestMs: number;
}

/**
 * Sends every case, `concurrency` at a time, and reports each answer that is a server failure: HTTP 5xx,
 * an error without a code or with a code outside the typed refusals, a raw validator/database message,
 * a stack trace, or an answer slower than maxMs.
 */
export async function runProbe(
  client: GqlClient,
  cases: ProbeCase[],
  { maxMs, concurrency = 4 }: { maxMs: number; concurrency?: number },
): Promise<ProbeReport> {
  const report: ProbeReport = { failures: [], codes: {}, requests: 0, fields: new Set(), slowestMs: 0 };
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const c = cases[next++]!;
      const started = performance.now();
      const fail = (reason: string) => report.failures.push({ field: c.field, variables: describeVariables(c.variables), reason });
      const result = await client.request(c.query, c.variables).catch((error: Error) => error);
      const ms = performance.now() - started;
      report.requests++;
      report.fields.add(c.field);
      report.slowestMs = Math.max(report.slowestMs, ms);
      if (result instanceof Error) {
        fail(`no answer: ${String((result.cause as Error | undefined)?.message ?? result.message)}`);
        continue;
      }
      for (const error of result.errors) {
        const code = String(error.extensions?.code ?? 'NONE');
        report.codes[code] = (report.codes[code] ?? 0) + 1;
        if (!acceptableCodes.has(code)) fail(`${code}: ${error.message.slice(0, 160)}`);
        else if (rawMessage.test(error.message)) fail(`raw message: ${error.message.slice(0, 160)}`);
        if (error.extensions?.stacktrace || error.extensions?.exception || stackFrame.test(error.message)) fail(`stack trace: ${error.message.slice(0, 80)}`);
      }
      if (result.status >= 500) fail(`HTTP ${result.status}`);
      if (ms > maxMs) fail(`took ${Math.round(ms)} ms`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return report;
}
