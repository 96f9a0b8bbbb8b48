import type { Role } from '@clinigraph/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';
import { apiSchema, type ProbeIds, probeCases, runProbe } from './probe.ts';

let stack: TestStack;
let ids: ProbeIds;
const schema = apiSchema();
beforeAll(async () => {
  stack = await startTestStack();
  ids = { facilityId: stack.seed.facilityId, providerId: stack.seed.providerIds[0]!, patientId: stack.seed.patientIds[0]! };
});
afterAll(() => stack?.stop());

/** Root fields the attack run hurt, each probed as a user allowed to call it; queries before mutations so a write cannot spoil a read. */
const probed: [field: string, as: Role][] = [
  ['auditEvents', 'admin'],
  ['patients', 'admin'],
  ['accounts', 'admin'],
  ['items', 'admin'],
  ['providers', 'admin'],
  ['stockMovements', 'admin'],
  ['effectivePrice', 'admin'],
  ['slots', 'receptionist'],
  ['firstAvailableSlots', 'receptionist'],
  ['appointments', 'receptionist'],
  ['revenueReport', 'admin'],
  ['vitalsTrend', 'doctor'],
  ['scheduleExceptions', 'admin'],
  ['patientStatement', 'billing'],
  ['queue', 'receptionist'],
  ['updateFacility', 'admin'],
  ['updateDepartment', 'admin'],
];

describe('hostile values in every argument get data or a typed refusal, quickly', () => {
  it.each(probed)(
    '%s (as %s)',
    async (field, as) => {
      const cases = probeCases(schema, field, ids);
      const { failures, codes, requests } = await runProbe(await stack.as(as), cases, { maxMs: 3_000 });
      console.info(`hostile-input ${field}: ${requests} requests, codes ${JSON.stringify(codes)}, ${failures.length} failures`);
      expect(failures).toEqual([]);
    },
    30_000,
  );
});
