import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PATIENTS } from '@clinigraph/people';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPatientTerms, type LeakTerm, scanFile, scanText } from './scan-logs.ts';

let terms: LeakTerm[];
let dir: string;
beforeAll(async () => {
  terms = await demoPatientTerms();
  dir = await mkdtemp(join(tmpdir(), 'scan-logs-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const maria = DEMO_PATIENTS[0];
const mrnOf = (familyName: string) => {
  const index = terms.findIndex((t) => t.kind === 'name' && t.text === familyName);
  return terms.slice(index).find((t) => t.kind === 'mrn')?.text;
};

describe('the demo patient terms', () => {
  it('are every seeded patient’s full name, family name, e-mail and the MRN the seed assigned', () => {
    for (const p of DEMO_PATIENTS) {
      expect(terms).toContainEqual({ kind: 'name', text: `${p.givenName} ${p.familyName}` });
      expect(terms).toContainEqual({ kind: 'name', text: p.familyName });
      expect(terms).toContainEqual({ kind: 'email', text: p.email });
      expect(mrnOf(p.familyName)).toMatch(/^CG\d{8}$/);
    }
  });
});

describe('scanning a log', () => {
  const clean = '{"level":30,"service":"people","requestId":"r-123456","operation":"Chart","status":200,"msg":"request completed"}';

  it('finds a name, an MRN and an e-mail, whatever their case, and says which line holds which', () => {
    const log = [clean, `{"msg":"x","err":"no patient GARCIA"}`, clean, `{"mrn":"${mrnOf(maria.familyName)}"}`, `to <${maria.email.toUpperCase()}>`].join('\n');
    const findings = scanText('test.log', log, terms);
    expect(findings.map((f) => [f.line, f.term.kind])).toEqual([
      [2, 'name'],
      [4, 'mrn'],
      [5, 'email'],
    ]);
  });

  it('passes a log that names no demo patient, including names that only contain a family name ("kitchen")', () => {
    expect(scanText('test.log', [clean, 'the kitchen timer', 'Khanate', 'CG00000000'].join('\n'), terms)).toEqual([]);
  });

  it('reads a file line by line and counts its lines', async () => {
    const file = join(dir, 'run.log');
    await writeFile(file, `${clean}\n${clean}\n{"msg":"mail to ${maria.email}"}\n`);
    const result = await scanFile(file, terms);
    expect(result.lines).toBe(3);
    expect(result.findings).toEqual([{ file, line: 3, term: { kind: 'email', text: maria.email } }]);
  });
});
