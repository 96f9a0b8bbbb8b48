import type { GqlClient } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';
import { apiSchema, type ProbeCase, type ProbeIds, type ProbeReport, probeCases, rootFields, runProbe } from './probe.ts';

const schema = apiSchema();
const everyRootField = rootFields(schema);
/** Every answer, refusal or not, comes within this. */
const MAX_MS = 3_000;
/**
 * A fixed sample per root field keeps the run short enough for every CI run (every field, a few hostile values
 * each). The fields the attack run hurt get the full sample of every argument.
 */
const PER_FIELD = 4;
const hurtByTheAttackRun = [
  'auditEvents',
  'patients',
  'accounts',
  'items',
  'providers',
  'stockMovements',
  'effectivePrice',
  'slots',
  'firstAvailableSlots',
  'appointments',
  'revenueReport',
  'vitalsTrend',
  'scheduleExceptions',
  'patientStatement',
  'queue',
  'updateFacility',
  'updateDepartment',
];

let stack: TestStack;
let admin: GqlClient;
let patient: GqlClient;
let adminIds: ProbeIds;
let patientIds: ProbeIds;
beforeAll(async () => {
  stack = await startTestStack();
  // Both signed in before anything runs: a probed mutation (MFA policy, sessions) cannot keep either out.
  [admin, patient] = await Promise.all([stack.as('admin'), stack.as('patient')]);
  const { appointmentTypes, items } = await admin.data<{ appointmentTypes: { id: string }[]; items: { id: string }[] }>(
    '{ appointmentTypes { id } items { id } }',
  );
  adminIds = {
    facilityId: stack.seed.facilityId,
    providerId: stack.seed.providerIds[0]!,
    patientId: stack.seed.patientIds[0]!,
    appointmentTypeId: appointmentTypes[0]?.id,
    itemId: items[0]?.id,
  };
  const { me } = await patient.data<{ me: { patient: { id: string } } }>('{ me { patient { id } } }');
  patientIds = { ...adminIds, patientId: me.patient.id };
}, 60_000);
afterAll(() => stack?.stop());

const casesFor = (ids: ProbeIds, perArgument: number, perField?: number): ProbeCase[] =>
  everyRootField.flatMap((field) => probeCases(schema, field, ids, perArgument, perField));

function summarise(who: string, report: ProbeReport) {
  console.info(
    `hostile-input as ${who}: ${report.requests} requests over ${report.fields.size} of ${everyRootField.length} root fields, ` +
      `slowest ${Math.round(report.slowestMs)} ms, codes ${JSON.stringify(report.codes)}, ${report.failures.length} failures`,
  );
  for (const f of report.failures.slice(0, 60)) console.info(`  ${f.field} ${f.variables}: ${f.reason}`);
}

describe('hostile values in every argument of every root field get data or a typed refusal, quickly', () => {
  it('the probe covers every Query and Mutation root field of the API schema', () => {
    const probed = new Set(casesFor({ facilityId: 'f', providerId: 'p', patientId: 'x' }, 1).map((c) => c.field));
    expect(everyRootField.length).toBeGreaterThan(200);
    expect(everyRootField.filter((f) => !probed.has(f))).toEqual([]);
  });

  it('as the network admin (broad rights): no 5xx, no untyped error, no stack trace, every answer under 3 s', async () => {
    const report = await runProbe(admin, casesFor(adminIds, 1, PER_FIELD), { maxMs: MAX_MS });
    summarise('admin', report);
    expect(report.failures).toEqual([]);
    expect(everyRootField.filter((f) => !report.fields.has(f))).toEqual([]);
  }, 180_000);

  it('as a patient: the same, whatever the patient may or may not call', async () => {
    const report = await runProbe(patient, casesFor(patientIds, 1, 2), { maxMs: MAX_MS });
    summarise('patient', report);
    expect(report.failures).toEqual([]);
    expect(everyRootField.filter((f) => !report.fields.has(f))).toEqual([]);
  }, 180_000);

  it('the fields the attack run hurt: every argument, several hostile values each', async () => {
    const cases = hurtByTheAttackRun.flatMap((field) => probeCases(schema, field, adminIds, 2));
    const report = await runProbe(admin, cases, { maxMs: MAX_MS });
    summarise('admin (hurt fields)', report);
    expect(report.failures).toEqual([]);
  }, 180_000);

  it('a subscription sent over POST is refused with a typed 400, never a 5xx', async () => {
    const subscriptions = Object.keys(schema.getSubscriptionType()?.getFields() ?? {});
    for (const name of subscriptions) {
      const result = await admin.request(`subscription { ${name} { __typename } }`);
      expect(result.status, name).toBeLessThan(500);
      expect(result.errors[0]?.extensions?.code, name).toBeTruthy();
    }
  });

  it('both callers are still signed in: the probe did not end its own sessions', async () => {
    expect((await admin.data<{ me: { id: string } | null }>('{ me { id } }')).me).not.toBeNull();
    expect((await patient.data<{ me: { id: string } | null }>('{ me { id } }')).me).not.toBeNull();
  });
});
