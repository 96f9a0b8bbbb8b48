import { existsSync } from 'node:fs';
import { demoPatientTerms, type Finding, scanFile } from './scan-logs.ts';

/**
 * `tsx gateway/src/ops/scan-logs-cli.ts <log>...`: fails (exit 1) when any of the logs names a demo
 * patient (name, MRN or e-mail). `.ci/run` runs it over the whole test run's log. A missing log fails
 * too (exit 2): a scan of nothing proves nothing.
 */
const files = process.argv.slice(2);
const missing = files.filter((f) => !existsSync(f));
if (!files.length || missing.length) {
  console.error(`scan-logs: ${files.length ? `no such log: ${missing.join(', ')}` : 'name the log files to scan'}`);
  process.exit(2);
}

const terms = await demoPatientTerms();
const findings: Finding[] = [];
for (const file of files) {
  const result = await scanFile(file, terms);
  console.log(`scan-logs: ${file}: ${result.lines} lines, ${result.findings.length} naming a demo patient`);
  findings.push(...result.findings);
}
for (const f of findings.slice(0, 50)) console.error(`  ${f.file}:${f.line}: the ${f.term.kind} "${f.term.text}" of a demo patient`);
if (findings.length) {
  console.error(`scan-logs: FAILED, ${findings.length} log lines name demo patients (${terms.length} terms checked); fix what logs them`);
  process.exit(1);
}
console.log(`scan-logs: no demo patient's name, MRN or e-mail in the logs (${terms.length} terms checked)`);
