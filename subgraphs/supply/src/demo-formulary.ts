import { readFileSync } from 'node:fs';
import { z } from 'zod';

const medicine = z.object({
  sku: z.string(),
  name: z.string(),
  genericName: z.string(),
  form: z.string(),
  strength: z.string(),
  unit: z.string(),
  reorderLevel: z.number().int().nonnegative(),
  reorderQuantity: z.number().int().nonnegative(),
  openingStock: z.number().int().positive(),
  demoUnitPriceMinor: z.number().int().positive(),
});

export type FormularyMedicine = z.infer<typeof medicine>;

/**
 * The demo formulary (subgraphs/supply/data/formulary.json): common outpatient medicines whose generic
 * names match care's interaction table, with opening stock and a demo unit price for finance's price list.
 */
export function demoFormulary(): FormularyMedicine[] {
  const file = readFileSync(new URL('../data/formulary.json', import.meta.url), 'utf8');
  return z.object({ medicines: z.array(medicine) }).parse(JSON.parse(file)).medicines;
}
