import { AppError } from '@clinigraph/kit';
import { describe, expect, it } from 'vitest';
import { assertWithinPrescribed, type CarePrescription, matchLines } from './prescriptions.ts';

/** The rules a dispense is held to, given what care says of the prescription (read through care in gateway/test/supply-dispense). */
const PARA = '00000000-0000-4000-8000-00000000000a';
const IBU = '00000000-0000-4000-8000-00000000000b';
const rx = (over: Partial<CarePrescription> = {}): CarePrescription => ({
  id: 'rx',
  status: 'FINALISED',
  validUntil: '2030-06-30',
  patient: { id: 'patient' },
  encounter: { id: 'encounter' },
  items: [
    { id: 'line-1', item: { id: PARA }, medicineName: 'Paracetamol 500 mg', quantity: 10, dispensedQuantity: 10 },
    { id: 'line-2', item: { id: PARA }, medicineName: 'Paracetamol 500 mg', quantity: 20, dispensedQuantity: 0 },
  ],
  ...over,
});

const errorOf = (run: () => unknown): AppError => {
  try {
    run();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
};

describe('which prescription lines a dispense fills', () => {
  it.each(['DRAFT', 'CANCELLED', 'DISPENSED'] as const)('refuses a %s prescription with INVALID_STATE and its status', (status) => {
    const error = errorOf(() => matchLines(rx({ status }), '2030-01-01', [{ itemId: PARA, quantity: 1 }]));
    expect(error.extensions).toMatchObject({ code: 'INVALID_STATE', rule: 'PRESCRIPTION_NOT_DISPENSABLE', status });
  });

  it('is valid through its last day, and refused the day after', () => {
    expect(matchLines(rx(), '2030-06-30', [{ itemId: PARA, quantity: 1 }])).toHaveLength(1);
    expect(errorOf(() => matchLines(rx(), '2030-07-01', [{ itemId: PARA, quantity: 1 }])).extensions).toMatchObject({ rule: 'PRESCRIPTION_EXPIRED' });
  });

  it('fills the named line, or else the first line of that medicine with some left', () => {
    expect(
      matchLines(rx(), '2030-01-01', [
        { itemId: PARA, quantity: 1, prescriptionItemId: 'line-1' },
        { itemId: PARA, quantity: 1 },
      ]).map((l) => l.prescriptionItemId),
    ).toEqual(['line-1', 'line-2']);
  });

  it('names every line that is not on the prescription', () => {
    const error = errorOf(() =>
      matchLines(rx(), '2030-01-01', [
        { itemId: PARA, quantity: 1 },
        { itemId: IBU, quantity: 1 },
        { itemId: PARA, quantity: 1, prescriptionItemId: 'line-9' },
        { itemId: IBU, quantity: 1, prescriptionItemId: 'line-2' },
      ]),
    );
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect((error.extensions.issues as { path: string }[]).map((i) => i.path)).toEqual(['lines.1.itemId', 'lines.2.prescriptionItemId', 'lines.3.itemId']);
    expect(error.message).toMatch(/^Line 2 gives a medicine that is not on this prescription\. Line 3 .*\. Line 4 gives another medicine than Paracetamol/);
  });
});

describe('how much is left to dispense', () => {
  const lines = (...quantities: number[]) => quantities.map((quantity) => ({ itemId: PARA, quantity, prescriptionItemId: 'line-2' }));

  it('adds up every line of a medicine, prescribed and asked for', () => {
    expect(() => assertWithinPrescribed(rx(), lines(15, 5), new Map())).not.toThrow();
    const error = errorOf(() => assertWithinPrescribed(rx(), lines(15, 6), new Map()));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'MORE_THAN_PRESCRIBED', prescribed: 30, dispensed: 10, remaining: 20 });
    expect(error.message).toBe('Line 1: 21 of Paracetamol 500 mg is more than prescribed; 20 of 30 left (10 dispensed before).');
  });

  it('counts the larger of supply’s ledger and care’s count (care lags the ledger)', () => {
    expect(errorOf(() => assertWithinPrescribed(rx(), lines(20), new Map([[PARA, 11]]))).extensions).toMatchObject({ dispensed: 11, remaining: 19 });
    expect(errorOf(() => assertWithinPrescribed(rx(), lines(21), new Map([[PARA, 4]]))).extensions).toMatchObject({ dispensed: 10, remaining: 20 });
  });
});
