import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

const DAY = 'query Day($from: DateTime!, $to: DateTime!) { appointments(from: $from, to: $to) { id patient { id displayName mrn } provider { displayName } } }';
const range = { from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' };

describe('a query crossing subgraphs through the gateway', () => {
  it('gives reception the day with patient names from people and providers', async () => {
    const reception = await stack.as('receptionist');
    const { appointments } = await reception.data<{ appointments: { patient: { displayName: string; mrn: string }; provider: { displayName: string } }[] }>(
      DAY,
      range,
    );
    expect(appointments.map((a) => a.patient.displayName).sort()).toEqual(['James Chen', 'Maria Garcia']);
    expect(appointments.every((a) => /^CG\d{8}$/.test(a.patient.mrn))).toBe(true);
    expect(appointments[0]?.provider.displayName).toBe('Dr. Amara Okafor');
  });

  it('confines a patient to their own appointments', async () => {
    const james = await stack.as({ email: 'james@example.com' });
    const { appointments } = await james.data<{ appointments: { patient: { displayName: string } }[] }>(DAY, range);
    expect(appointments.map((a) => a.patient.displayName)).toEqual(['James Chen']);
  });
});
