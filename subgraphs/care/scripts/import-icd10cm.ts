/**
 * Replaces data/icd10cm.tsv with a full ICD-10-CM release downloaded by hand from CMS
 * (https://www.cms.gov/medicare/coding-billing/icd-10-codes, "Code Descriptions in Tabular Order").
 *   npx tsx subgraphs/care/scripts/import-icd10cm.ts path/to/icd10cm-codes-2026.txt
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cmsCodesToTsv } from '../src/catalogue/icd10-import.ts';

const source = process.argv[2];
if (!source) {
  console.error('usage: import-icd10cm.ts <icd10cm-codes-YYYY.txt>');
  process.exit(1);
}
const tsv = cmsCodesToTsv(readFileSync(source, 'utf8'));
const target = fileURLToPath(new URL('../data/icd10cm.tsv', import.meta.url));
writeFileSync(target, tsv);
console.log(`wrote ${tsv.split('\n').length - 1} codes to ${target}`);
