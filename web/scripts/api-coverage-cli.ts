import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { coverage, coverageProblems, coverageTable, rootFields, usage, withTable } from './api-coverage.ts';
import { API_WITHOUT_SCREEN } from './api-without-screen.ts';

/** Rewrites the API coverage table in web/README.md from the schema and the app's documents. */
const at = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const rows = coverage(rootFields(readFileSync(at('../../schema/api.graphql'), 'utf8')), usage(at('../src')), API_WITHOUT_SCREEN);
const readmePath = at('../README.md');
writeFileSync(readmePath, withTable(readFileSync(readmePath, 'utf8'), coverageTable(rows)));
execFileSync('npx', ['biome', 'format', '--write', readmePath], { stdio: 'ignore' });
const problems = coverageProblems(rows, API_WITHOUT_SCREEN);
for (const problem of problems) console.error(problem);
const pending = rows.filter((r) => !r.usedBy.length).length;
console.log(`${rows.length} root fields: ${rows.length - pending} used by a screen, ${pending} listed without one.`);
process.exitCode = problems.length ? 1 : 0;
