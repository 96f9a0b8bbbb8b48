import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildSchema, type GraphQLObjectType, parse } from 'graphql';

export type RootKind = 'query' | 'mutation' | 'subscription';
export interface RootField {
  kind: RootKind;
  name: string;
}
export interface CoverageRow extends RootField {
  /** The web files (relative to web/src) whose documents select this field. */
  usedBy: string[];
  /** Why no screen uses it, when none does. */
  why?: string;
}

const key = (f: RootField) => `${f.kind}.${f.name}`;

/** Every root field of the supergraph's client schema (schema/api.graphql). */
export function rootFields(schemaSdl: string): RootField[] {
  const schema = buildSchema(schemaSdl);
  const roots: [RootKind, GraphQLObjectType | null | undefined][] = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
    ['subscription', schema.getSubscriptionType()],
  ];
  return roots.flatMap(([kind, type]) =>
    Object.keys(type?.getFields() ?? {})
      .sort()
      .map((name) => ({ kind, name })),
  );
}

const DOCUMENT = /\bgraphql\(\s*`([^`]*)`/g;

/**
 * The root fields each source file's documents select. Documents are gql.tada templates
 * (`graphql(\`…\`)`), which never interpolate, so the template text is the whole document.
 */
export function rootFieldsUsedIn(source: string): string[] {
  const used = new Set<string>();
  for (const match of source.matchAll(DOCUMENT)) {
    for (const definition of parse(match[1] ?? '').definitions) {
      if (definition.kind !== 'OperationDefinition') continue;
      for (const selection of definition.selectionSet.selections) if (selection.kind === 'Field') used.add(`${definition.operation}.${selection.name.value}`);
    }
  }
  return [...used];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Root field → the app's (non-test) files that use it. */
export function usage(srcDir: string): Map<string, string[]> {
  const byField = new Map<string, string[]>();
  for (const file of sourceFiles(srcDir)) {
    for (const field of rootFieldsUsedIn(readFileSync(file, 'utf8'))) {
      byField.set(field, [...(byField.get(field) ?? []), relative(srcDir, file)]);
    }
  }
  return byField;
}

export function coverage(fields: RootField[], used: Map<string, string[]>, without: Record<string, string>): CoverageRow[] {
  return fields.map((field) => ({ ...field, usedBy: (used.get(key(field)) ?? []).sort(), why: without[key(field)] }));
}

/** Problems that make the coverage check fail: a field neither used nor explained, and explanations that went stale. */
export function coverageProblems(rows: CoverageRow[], without: Record<string, string>): string[] {
  const known = new Set(rows.map(key));
  return [
    ...rows.filter((r) => !r.usedBy.length && !r.why).map((r) => `${key(r)} has no screen and no reason in web/scripts/api-without-screen.ts`),
    ...rows.filter((r) => r.usedBy.length && r.why).map((r) => `${key(r)} is used by ${r.usedBy.join(', ')}: remove it from web/scripts/api-without-screen.ts`),
    ...Object.keys(without)
      .filter((k) => !known.has(k))
      .map((k) => `${k} is not a root field of the API: remove it from web/scripts/api-without-screen.ts`),
  ];
}

const cell = (text: string) => text.replaceAll('|', '\\|');

/** The Markdown table web/README.md carries between its api-coverage markers. */
export function coverageTable(rows: CoverageRow[]): string {
  const lines = ['| Root field | Kind | Screen (file under web/src) or why none |', '|---|---|---|'];
  for (const row of rows) {
    const where = row.usedBy.length ? row.usedBy.map((f) => `\`${f}\``).join(', ') : `— ${row.why ?? ''}`;
    lines.push(`| \`${row.name}\` | ${row.kind} | ${cell(where)} |`);
  }
  return lines.join('\n');
}

export const START = '<!-- api-coverage:start (npm run api-coverage -w @clinigraph/web writes this table) -->';
export const END = '<!-- api-coverage:end -->';

/** Table lines without the column padding the formatter (biome) adds, so a formatted table compares equal. */
export const unpadded = (markdown: string) =>
  markdown
    .split('\n')
    .map((line) => (/^\|[ |:-]+\|$/.test(line) ? line.replace(/[ -]+/g, '-') : line.startsWith('|') ? line.replace(/ *\| */g, '|') : line))
    .join('\n');

export function withTable(readme: string, table: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`web/README.md lacks the markers ${START} … ${END}`);
  return `${readme.slice(0, start + START.length)}\n${table}\n${readme.slice(end)}`;
}
