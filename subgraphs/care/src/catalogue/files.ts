import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';

/**
 * The bundled reference data (ICD-10-CM subset, interaction table, allergy classes, lab tests) lives
 * in subgraphs/care/data. CLINIGRAPH_CARE_DATA_DIR points at a replacement folder with the same files.
 */
export const dataDir = process.env.CLINIGRAPH_CARE_DATA_DIR ?? fileURLToPath(new URL('../../data/', import.meta.url));

export const readDataFile = (name: string): string => readFileSync(`${dataDir.replace(/\/?$/, '/')}${name}`, 'utf8');

/** Reads and validates a JSON data file: a malformed replacement fails at start-up, not at the bedside. */
export function readJsonData<S extends z.ZodType>(name: string, schema: S): z.output<S> {
  const parsed = schema.safeParse(JSON.parse(readDataFile(name)));
  if (!parsed.success) throw new Error(`care data file ${name} is invalid: ${parsed.error.message}`);
  return parsed.data;
}

/** Lower case, single spaces: how generic names and allergy substances are compared. */
export const normaliseName = (value: string): string => value.trim().toLowerCase().replace(/\s+/g, ' ');
