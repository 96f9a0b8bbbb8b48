import { stringify } from 'csv-stringify/sync';

/** A cell a spreadsheet would run as a formula: starts with =, +, -, @, a tab or a carriage return. */
const FORMULA = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * Neutralises CSV injection (OWASP "CSV Injection"): a text cell that a spreadsheet would evaluate gets a
 * leading apostrophe, which spreadsheets show as text. Plain numbers, negative ones included, stay numbers.
 */
export function spreadsheetSafe(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return FORMULA.test(text) && !NUMBER.test(text) ? `'${text}` : text;
}

/** A CSV export: a header row and the rows, every cell spreadsheet-safe. */
export function toCsv(columns: string[], rows: (string | number | null | undefined)[][]): string {
  return stringify(
    rows.map((row) => row.map(spreadsheetSafe)),
    { header: true, columns },
  );
}
