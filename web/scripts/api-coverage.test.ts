import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { coverage, coverageProblems, coverageTable, END, rootFields, rootFieldsUsedIn, START, unpadded, usage, withTable } from './api-coverage.ts';
import { API_WITHOUT_SCREEN } from './api-without-screen.ts';

const at = (path: string) => fileURLToPath(new URL(path, import.meta.url));

describe('API coverage by the web app', () => {
  const rows = coverage(rootFields(readFileSync(at('../../schema/api.graphql'), 'utf8')), usage(at('../src')), API_WITHOUT_SCREEN);

  it('every root field of the API is used by a screen or listed with the reason none uses it', () => {
    expect(coverageProblems(rows, API_WITHOUT_SCREEN)).toEqual([]);
  });

  it('web/README.md carries the current table (npm run api-coverage -w @clinigraph/web rewrites it)', () => {
    const readme = readFileSync(at('../README.md'), 'utf8');
    expect(unpadded(readme)).toBe(unpadded(withTable(readme, coverageTable(rows))));
  });
});

describe('the coverage check itself', () => {
  const sdl = 'type Query { a: Int b: Int } type Mutation { m(x: Int): Int }';

  it('reads the root fields a document selects, by operation kind', () => {
    const source = 'const Q = graphql(`\n query Q { a renamed: b }\n`);\nconst M = graphql(`mutation M($x: Int) { m(x: $x) }`);';
    expect(rootFieldsUsedIn(source).sort()).toEqual(['mutation.m', 'query.a', 'query.b']);
  });

  it('reports a new root field that is neither used nor listed, and a listed field that is now used', () => {
    const rows = coverage(rootFields(sdl), new Map([['query.a', ['areas/x/A.tsx']]]), { 'query.a': 'old reason', 'query.gone': 'x' });
    expect(coverageProblems(rows, { 'query.a': 'old reason', 'query.gone': 'x' })).toEqual([
      'query.b has no screen and no reason in web/scripts/api-without-screen.ts',
      'mutation.m has no screen and no reason in web/scripts/api-without-screen.ts',
      'query.a is used by areas/x/A.tsx: remove it from web/scripts/api-without-screen.ts',
      'query.gone is not a root field of the API: remove it from web/scripts/api-without-screen.ts',
    ]);
  });

  it('writes the table between the markers and leaves the rest of the README alone', () => {
    const readme = `# Web\n\nintro\n\n${START}\nold\n${END}\n\nafter\n`;
    const table = coverageTable(coverage(rootFields(sdl), new Map([['query.a', ['A.tsx']]]), { 'query.b': 'why | not', 'mutation.m': 'no' }));
    const written = withTable(readme, table);
    expect(written).toContain('| `a` | query | `A.tsx` |');
    expect(written).toContain('| `b` | query | — why \\| not |');
    expect(written.startsWith('# Web\n\nintro\n\n')).toBe(true);
    expect(written.endsWith(`${END}\n\nafter\n`)).toBe(true);
  });

  it('compares tables without the padding the formatter adds', () => {
    expect(unpadded('| a   | bb |\n| --- | -- |\ntext  |')).toBe(unpadded('| a | bb |\n|---|---|\ntext  |'));
    expect(unpadded('| a | b |')).not.toBe(unpadded('| a | c |'));
  });
});
