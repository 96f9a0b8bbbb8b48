import SchemaBuilder from '@pothos/core';
import DirectivePlugin from '@pothos/plugin-directives';
import FederationPlugin from '@pothos/plugin-federation';
import { GraphQLError, Kind } from 'graphql';
import type { Context } from './context.ts';
import { partialDataNullabilityPlugin } from './partial-data-nullability.ts';

export interface BuilderTypeConfig {
  Context: Context;
  DefaultFieldNullability: false;
  Scalars: {
    ID: { Input: string; Output: string };
    DateTime: { Input: Date; Output: Date | string };
    Date: { Input: string; Output: string };
  };
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const scalarError = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string') throw scalarError('DateTime must be an ISO-8601 string');
  const date = new Date(value);
  if (Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(value)) throw scalarError(`Invalid DateTime: ${value}`);
  // An offset can carry 0001-01-01 into year 0, which PostgreSQL has not got.
  if (date.getUTCFullYear() < 1 || date.getUTCFullYear() > 9999) throw scalarError('DateTime must be between years 0001 and 9999');
  return date;
}

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isoDate.test(value)) throw scalarError('Date must be YYYY-MM-DD');
  const d = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) throw scalarError(`Invalid Date: ${value}`);
  // Year 0 parses in JavaScript but not in PostgreSQL.
  if (value < '0001-01-01') throw scalarError('Date must be between years 0001 and 9999');
  return value;
}

/** A subgraph's schema builder with the kit's plugins, scalars and shared types already in place. */
export function createBuilder() {
  const builder = new SchemaBuilder<BuilderTypeConfig>({
    // Root Query fields and fields added to other subgraphs' entities are the exception: nullable, so one
    // subgraph's outage leaves the others' answers standing.
    plugins: [DirectivePlugin, FederationPlugin, partialDataNullabilityPlugin],
    defaultFieldNullability: false,
  });

  builder.scalarType('DateTime', {
    description: 'An instant, as an ISO-8601 string with offset (UTC on output).',
    serialize: (value) => (value instanceof Date ? value.toISOString() : new Date(value).toISOString()),
    parseValue: parseDateTime,
    parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : null),
  });
  builder.scalarType('Date', {
    description: 'A calendar date, YYYY-MM-DD.',
    serialize: (value) => String(value),
    parseValue: parseDate,
    parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : null),
  });

  return builder;
}

export type Builder = ReturnType<typeof createBuilder>;
export type BuilderTypes = PothosSchemaTypes.ExtendDefaultTypes<BuilderTypeConfig>;
