import { codeOf } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CareFixture, startCareFixture } from '../testing/fixture.ts';

let f: CareFixture;
let encounterId: string;
beforeAll(async () => {
  f = await startCareFixture();
  encounterId = await f.consultation(1);
});
afterAll(() => f?.close());

const RECORD = 'mutation($i: RecordVitalsInput!) { recordVitals(input: $i) { id systolic diastolic weightKg heightCm bmi temperatureC } }';
const TREND = 'query($p: ID!, $m: VitalMeasure!) { vitalsTrend(patientId: $p, measure: $m) { at value } }';

describe('vitals', () => {
  it('records a set and computes BMI', async () => {
    const { recordVitals } = await f.nurse.data<{ recordVitals: Record<string, number> }>(RECORD, {
      i: { encounterId, systolic: 132, diastolic: 84, weightKg: 80, heightCm: 180, temperatureC: 36.9 },
    });
    expect(recordVitals).toMatchObject({ systolic: 132, diastolic: 84, weightKg: 80, heightCm: 180, bmi: 24.7, temperatureC: 36.9 });
  });

  it.each([
    ['a systolic of 400', { systolic: 400, diastolic: 80 }],
    ['a diastolic above the systolic', { systolic: 90, diastolic: 120 }],
    ['half a blood pressure', { systolic: 120 }],
    ['a temperature of 52 °C', { temperatureC: 52 }],
    ['an SpO2 of 130%', { spo2: 130 }],
    ['a height of 3 m', { heightCm: 300 }],
    ['nothing at all', {}],
  ])('refuses %s with BAD_USER_INPUT and stores nothing', async (_label, values) => {
    const before = await f.count('care.vitals');
    const result = await f.nurse.request(RECORD, { i: { encounterId, ...values } });
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(await f.count('care.vitals')).toBe(before);
  });

  it('rejects an implausible value at the database too, whatever the write path', async () => {
    const [enc] = await f.db.database.query<{ patient_id: string }>('select patient_id from care.encounter where id = $1', [encounterId]);
    await expect(
      f.db.database.query('insert into care.vitals (encounter_id, patient_id, recorded_by, pulse) values ($1, $2, gen_random_uuid(), 900)', [
        encounterId,
        enc!.patient_id,
      ]),
    ).rejects.toThrow(/vitals_pulse_range/);
  });

  it('lets nurses and doctors record, not reception', async () => {
    expect(codeOf(await f.receptionist.request(RECORD, { i: { encounterId, pulse: 70 } }))).toBe('FORBIDDEN');
    expect(codeOf(await f.doctor.request(RECORD, { i: { encounterId, pulse: 70 } }))).toBeNull();
  });

  it('gives a trend oldest first, to staff and to the patient themselves only', async () => {
    await f.nurse.data(RECORD, { i: { encounterId, systolic: 128, diastolic: 82 } });
    await f.nurse.data(RECORD, { i: { encounterId, systolic: 121, diastolic: 79 } });
    const patientId = f.seed.patientIds[1];
    const { vitalsTrend } = await f.doctor.data<{ vitalsTrend: { at: string; value: number }[] }>(TREND, { p: patientId, m: 'SYSTOLIC' });
    expect(vitalsTrend.map((p) => p.value)).toEqual([132, 128, 121]);
    expect([...vitalsTrend].sort((a, b) => a.at.localeCompare(b.at))).toEqual(vitalsTrend);
    const own = await (await f.patient(1)).data<{ vitalsTrend: unknown[] }>(TREND, { p: patientId, m: 'BMI' });
    expect(own.vitalsTrend).toHaveLength(1);
    expect(codeOf(await (await f.patient(0)).request(TREND, { p: patientId, m: 'SYSTOLIC' }))).toBe('NOT_FOUND');
  });
});
