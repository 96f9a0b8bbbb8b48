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
      /** Physiological limits: a value outside is a typing or unit error, never a result. */
      plausibleLow: z.number().optional(),
      plausibleHigh: z.number().optional(),
    }),
  ),
});

export type LabTest = z.output<typeof labTestFile>['tests'][number];

const tests = new Map(readJsonData('lab-tests.json', labTestFile).tests.map((t) => [t.code, t]));

export const labTest = (code: string): LabTest | null => tests.get(code.trim().toUpperCase()) ?? null;
export const labTests = (): LabTest[] => [...tests.values()];

/**
 * Why a numeric result cannot be right for this test (outside its physiological limits), as a sentence
 * for the lab, or null when it is plausible.
 */
export function implausibility(value: number, testCode: string): string | null {
  const test = labTest(testCode);
  if (!test) return null;
  const { plausibleLow: low, plausibleHigh: high } = test;
  if ((low === undefined || value >= low) && (high === undefined || value <= high)) return null;
  const unit = test.unit && test.unit !== 'ratio' ? ` ${test.unit}` : '';
  const range =
    low !== undefined && high !== undefined ? `between ${low} and ${high}${unit}` : low !== undefined ? `at least ${low}${unit}` : `at most ${high}${unit}`;
  return `${test.name} must be ${range}; check the value and its unit`;
}

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
