import { describe, expect, it } from 'vitest';
import { isFdiTooth } from './fdi.ts';
import { icdCodeCount, lookupIcd, normaliseIcdCode } from './icd10.ts';
import { cmsCodesToTsv } from './icd10-import.ts';
import { interactionTableInfo } from './interactions.ts';
import { flagFor } from './lab-tests.ts';
import { checkPrescription } from './safety.ts';

const med = (genericName: string) => ({ medicineName: genericName, genericName });

describe('bundled reference data', () => {
  it('loads the ICD-10-CM subset and the interaction table with their sources', () => {
    expect(icdCodeCount()).toBeGreaterThan(400);
    expect(interactionTableInfo.entries).toBeGreaterThan(40);
    expect(interactionTableInfo.source).toMatch(/FDA/);
  });

  it('normalises ICD codes and knows only listed ones', () => {
    expect(normaliseIcdCode(' i10 ')).toBe('I10');
    expect(normaliseIcdCode('S0600XA')).toBe('S06.00XA');
    expect(lookupIcd('s06.0x0a')?.description).toMatch(/Concussion/);
    expect(lookupIcd('I10.1')).toBeNull();
    expect(normaliseIcdCode('1234')).toBeNull();
  });

  it('accepts exactly the FDI tooth numbers', () => {
    const valid = [];
    for (let n = 0; n < 100; n++) if (isFdiTooth(n)) valid.push(n);
    expect(valid).toHaveLength(32 + 20);
    expect(valid.filter((n) => n < 50)).toEqual([
      11, 12, 13, 14, 15, 16, 17, 18, 21, 22, 23, 24, 25, 26, 27, 28, 31, 32, 33, 34, 35, 36, 37, 38, 41, 42, 43, 44, 45, 46, 47, 48,
    ]);
    expect(valid.filter((n) => n > 50)).toEqual([51, 52, 53, 54, 55, 61, 62, 63, 64, 65, 71, 72, 73, 74, 75, 81, 82, 83, 84, 85]);
  });

  it('flags results against reference and critical ranges', () => {
    const r = { refLow: 3.5, refHigh: 5.1, criticalLow: 2.8, criticalHigh: 6.2 };
    expect([2.5, 3.0, 4.0, 5.5, 6.2].map((v) => flagFor(v, r))).toEqual(['critical_low', 'low', 'normal', 'high', 'critical_high']);
  });
});

describe('the prescription safety check', () => {
  it('grades allergies by recorded severity, through drug classes', () => {
    expect(checkPrescription([med('amoxicillin')], [{ substance: 'Penicillin', severity: 'life_threatening' }], [])[0]).toMatchObject({
      level: 'block',
      kind: 'allergy',
    });
    expect(checkPrescription([med('naproxen')], [{ substance: 'ibuprofen', severity: 'moderate' }], [])[0]).toMatchObject({
      level: 'warning',
      kind: 'allergy',
    });
    expect(checkPrescription([med('cefalexin')], [{ substance: 'penicillin', severity: 'severe' }], [])[0]).toMatchObject({
      level: 'warning',
      kind: 'cross_reactivity',
    });
    expect(checkPrescription([med('paracetamol')], [{ substance: 'penicillin', severity: 'severe' }], [])).toEqual([]);
  });

  it('grades interactions: contraindicated blocks, major and moderate warn, minor informs', () => {
    const levels = (...generics: string[]) => checkPrescription(generics.map(med), [], []).map((f) => f.level);
    expect(levels('simvastatin', 'clarithromycin')).toEqual(['block']);
    expect(levels('warfarin', 'ibuprofen')).toEqual(['warning']);
    expect(levels('warfarin', 'paracetamol')).toEqual(['info']);
    expect(levels('amoxicillin', 'paracetamol')).toEqual([]);
  });

  it('reads combination products as their ingredients and checks current medicines', () => {
    const findings = checkPrescription(
      [med('sulfamethoxazole/trimethoprim')],
      [{ substance: 'sulfa', severity: 'mild' }],
      [med('methotrexate'), med('warfarin')],
    );
    expect(findings.map((f) => f.key).sort()).toEqual([
      'allergy:sulfa:sulfamethoxazole',
      'interaction:methotrexate+trimethoprim',
      'interaction:sulfamethoxazole+warfarin',
    ]);
  });
});

describe('the ICD-10-CM importer', () => {
  it('reads the CMS code file format', () => {
    const cms = [
      'A000    Cholera due to Vibrio cholerae 01, biovar cholerae',
      'I10     Essential (primary) hypertension',
      'S0600XA Concussion, initial encounter',
      '',
    ].join('\n');
    expect(cmsCodesToTsv(cms).split('\n')).toEqual([
      'A00.0\tCholera due to Vibrio cholerae 01, biovar cholerae',
      'I10\tEssential (primary) hypertension',
      'S06.00XA\tConcussion, initial encounter',
      '',
    ]);
  });
});
