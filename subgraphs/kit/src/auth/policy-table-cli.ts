import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { policyTable, withPolicyTable } from './policy-table.ts';

/** Rewrites the role × capability table in CONTRIBUTING.md from the access policy (`npm run policy:table`). */
const path = fileURLToPath(new URL('../../../../CONTRIBUTING.md', import.meta.url));
writeFileSync(path, withPolicyTable(readFileSync(path, 'utf8'), policyTable()));
execFileSync('npx', ['biome', 'format', '--write', path], { stdio: 'ignore' });
console.log('CONTRIBUTING.md: role × capability table written');
