import { normaliseIcdCode } from './icd10.ts';

/**
 * Converts the CMS/CDC ICD-10-CM code file (`icd10cm-codes-<year>.txt`: a code without its dot,
 * padded with spaces, then the description) into care's `icd10cm.tsv` (dotted code, tab, description).
 */
export function cmsCodesToTsv(text: string): string {
  const lines: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const match = /^([A-Z][0-9][0-9A-Z]{1,5})\s+(.+)$/.exec(raw.trim());
    if (!match) continue;
    const code = normaliseIcdCode(match[1]!);
    if (code) lines.push(`${code}\t${match[2]!.trim()}`);
  }
  return `${lines.join('\n')}\n`;
}
