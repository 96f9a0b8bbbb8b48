import { z } from 'zod';
import { readJsonData } from './files.ts';

const labTestFile = z.object({
  version: z.string(),
  source: z.string().min(1),
  licence: z.string().min(1),
  tests: z.array(
    z.object({
      code: z.string().regex(/^[A-Z0-9_]+$/),
      name: z.string().min(1),
      unit: z.string().nullable(),
      refLow: z.number().optional(),
      refHigh: z.number().optional(),
      criticalLow: z.number().optional(),
      criticalHigh: z.number().optional(),
    }),
  ),
});

export type LabTest = z.output<typeof labTestFile>['tests'][number];

const tests = new Map(readJsonData('lab-tests.json', labTestFile).tests.map((t) => [t.code, t]));

export const labTest = (code: string): LabTest | null => tests.get(code.trim().toUpperCase()) ?? null;
export const labTests = (): LabTest[] => [...tests.values()];

export type ResultFlag = 'normal' | 'low' | 'high' | 'critical_low' | 'critical_high' | 'abnormal';

export interface Ranges {
  refLow: number | null;
  refHigh: number | null;
  criticalLow: number | null;
  criticalHigh: number | null;
}

/** The flag of a numeric value against an item's ranges; critical limits win over the reference range. */
export function flagFor(value: number, r: Ranges): ResultFlag {
  if (r.criticalLow !== null && value <= r.criticalLow) return 'critical_low';
  if (r.criticalHigh !== null && value >= r.criticalHigh) return 'critical_high';
  if (r.refLow !== null && value < r.refLow) return 'low';
  if (r.refHigh !== null && value > r.refHigh) return 'high';
  return 'normal';
}

/** The flags that raise a critical-result alert. */
export const CRITICAL_FLAGS = ['critical_low', 'critical_high'] as const satisfies ResultFlag[];
export const isCritical = (flag: ResultFlag) => (CRITICAL_FLAGS as readonly ResultFlag[]).includes(flag);
