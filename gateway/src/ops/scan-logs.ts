import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createTestDatabase } from '@clinigraph/kit/testing';
import { seedPeople } from '@clinigraph/people';

/** Something that identifies a demo patient and must never appear in a log. */
export interface LeakTerm {
  kind: 'name' | 'mrn' | 'email';
  text: string;
}

export interface Finding {
  file: string;
  line: number;
  term: LeakTerm;
}

/**
 * The demo patients as the seed creates them: each one's full and family name, MRN and e-mail, read
 * back from a freshly seeded database (the MRN is assigned there, so no list is copied here). The
 * database is a test database: in-memory PGlite, or a new one on the server DATABASE_URL names.
 */
export async function demoPatientTerms(): Promise<LeakTerm[]> {
  const { database, drop } = await createTestDatabase();
  try {
    await seedPeople(database.db);
    const patients = await database.query<{ given_name: string; family_name: string; mrn: string; email: string | null }>(
      'select given_name, family_name, mrn, email from people.patient order by mrn',
    );
    return patients.flatMap((p): LeakTerm[] => [
      { kind: 'name', text: `${p.given_name} ${p.family_name}` },
      { kind: 'name', text: p.family_name },
      { kind: 'mrn', text: p.mrn },
      ...(p.email ? [{ kind: 'email' as const, text: p.email }] : []),
    ]);
  } finally {
    await drop();
  }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One case-insensitive pattern for every term; names match as whole words ("Chen" is not in "kitchen"). */
function matcherFor(terms: LeakTerm[]): (line: string) => LeakTerm | undefined {
  const patterns = terms.map((t) => new RegExp(t.kind === 'name' ? `\\b${escapeRegExp(t.text)}\\b` : escapeRegExp(t.text), 'i'));
  const any = new RegExp(patterns.map((p) => `(?:${p.source})`).join('|'), 'i');
  return (line) => (any.test(line) ? terms[patterns.findIndex((p) => p.test(line))] : undefined);
}

/** Every line of `text` (named `file`) that holds a term. */
export function scanText(file: string, text: string, terms: LeakTerm[]): Finding[] {
  const match = matcherFor(terms);
  return text.split('\n').flatMap((line, i) => {
    const term = match(line);
    return term ? [{ file, line: i + 1, term }] : [];
  });
}

/** Reads a log file line by line (a whole test run's log is large) and reports every line that holds a term. */
export async function scanFile(file: string, terms: LeakTerm[]): Promise<{ findings: Finding[]; lines: number }> {
  const match = matcherFor(terms);
  const findings: Finding[] = [];
  let lines = 0;
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY })) {
    lines++;
    const term = match(line);
    if (term) findings.push({ file, line: lines, term });
  }
  return { findings, lines };
}
