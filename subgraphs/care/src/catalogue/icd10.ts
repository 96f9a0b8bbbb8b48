import { readDataFile } from './files.ts';

export interface IcdCode {
  code: string;
  description: string;
}

/** ICD-10-CM codes are a letter, two characters, then optionally a dot and up to four more. */
const CODE_SHAPE = /^[A-TV-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/;

/** Accepts `e11.9`, `E119` or `E11.9` and returns `E11.9`; null if it cannot be a code. */
export function normaliseIcdCode(input: string): string | null {
  const raw = input.trim().toUpperCase().replace(/\s+/g, '');
  const dotted = raw.includes('.') || raw.length <= 3 ? raw : `${raw.slice(0, 3)}.${raw.slice(3)}`;
  return CODE_SHAPE.test(dotted) || /^U07\.1$/.test(dotted) ? dotted : null;
}

function load(): Map<string, IcdCode> {
  const codes = new Map<string, IcdCode>();
  for (const line of readDataFile('icd10cm.tsv').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [rawCode, description] = line.split('\t');
    const code = rawCode ? normaliseIcdCode(rawCode) : null;
    if (!code || !description) throw new Error(`icd10cm.tsv: bad line "${line}"`);
    codes.set(code, { code, description: description.trim() });
  }
  return codes;
}

const codes = load();
const searchable = [...codes.values()].map((c) => ({ c, text: `${c.code} ${c.description}`.toLowerCase() }));

export const icdCodeCount = () => codes.size;

export function lookupIcd(input: string): IcdCode | null {
  const code = normaliseIcdCode(input);
  return code ? (codes.get(code) ?? null) : null;
}

/** Every word of the query must appear in the code or description; code-prefix matches come first. */
export function searchIcd(query: string, limit: number): IcdCode[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const prefix = query.trim().toUpperCase();
  return searchable
    .filter(({ text }) => words.every((w) => text.includes(w)))
    .map(({ c }) => c)
    .sort((a, b) => Number(b.code.startsWith(prefix)) - Number(a.code.startsWith(prefix)) || a.code.localeCompare(b.code))
    .slice(0, limit);
}
