import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from './audit.ts';
import type { Identity } from './auth/identity.ts';
import { requestScope } from './db/request-scope.ts';
import { createTestDatabase, type TestDatabase } from './testing/database.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.drop());

const doctor: Identity = { userId: randomUUID(), roles: ['doctor', 'nurse'], patientId: null, providerId: null, facilityIds: [], scopes: [] };
const patients = Array.from({ length: 50 }, () => randomUUID());
const appointments = Array.from({ length: 200 }, (_, i) => ({ id: randomUUID(), patientId: patients[i % patients.length]! }));

/** Flushes in a request scope; the statements the flush sent. */
async function flushCounted(audit: AuditLog): Promise<number> {
  const scope = { sqlCount: 0 };
  await requestScope.run(scope, () => audit.flush(t.database.db));
  return scope.sqlCount;
}

interface Row {
  actor_id: string | null;
  actor_roles: string[];
  action: string;
  entity_type: string;
  entity_id: string | null;
  patient_id: string | null;
  service: string;
  operation: string | null;
  ip: string | null;
  detail: Record<string, unknown> | null;
}
const rowsOf = (requestId: string) =>
  t.database.query<Row>(
    'select actor_id, actor_roles, action, entity_type, entity_id, patient_id, service, operation, ip, detail from audit.event where request_id = $1 order by id',
    [requestId],
  );

describe('read audit', () => {
  it('writes a 200-row read as one statement, each distinct read once, with who read it', async () => {
    const requestId = randomUUID();
    const audit = new AuditLog({ service: 'scheduling', identity: doctor, ip: '10.0.0.7', requestId, operation: null });
    audit.setOperation('DayBoard__scheduling__0');
    for (const a of appointments) {
      audit.record({ action: 'read', entityType: 'Appointment', entityId: a.id, patientId: a.patientId });
      audit.record({ action: 'read', entityType: 'Patient', entityId: a.patientId, patientId: a.patientId });
    }
    audit.record({ action: 'search', entityType: 'Appointment', detail: { day: '2026-12-01', facility: 'north' } });

    expect(await flushCounted(audit)).toBe(1);
    const rows = await rowsOf(requestId);
    expect(rows).toHaveLength(200 + 50 + 1);
    expect(rows[0]).toEqual({
      actor_id: doctor.userId,
      actor_roles: ['doctor', 'nurse'],
      action: 'read',
      entity_type: 'Appointment',
      entity_id: appointments[0]!.id,
      patient_id: appointments[0]!.patientId,
      service: 'scheduling',
      operation: 'DayBoard',
      ip: '10.0.0.7',
      detail: null,
    });
    expect(rows.filter((r) => r.entity_type === 'Patient').map((r) => r.entity_id)).toEqual(patients);
    expect(rows.at(-1)).toMatchObject({ action: 'search', entity_id: null, patient_id: null, detail: { day: '2026-12-01', facility: 'north' } });

    audit.record({ action: 'read', entityType: 'Patient', entityId: patients[0], patientId: patients[0] });
    expect(await flushCounted(audit)).toBe(0);
    expect(await rowsOf(requestId)).toHaveLength(251);
  });

  it('records the system (no actor, no roles) for work without a person', async () => {
    const requestId = randomUUID();
    const audit = new AuditLog({ service: 'finance', identity: null, ip: null, requestId, operation: 'finance.visits' });
    audit.record({ action: 'create', entityType: 'Charge', entityId: 'c-1', patientId: patients[1] });
    await audit.flush(t.database.db);
    expect(await rowsOf(requestId)).toEqual([
      expect.objectContaining({ actor_id: null, actor_roles: [], operation: 'finance.visits', ip: null, entity_id: 'c-1', patient_id: patients[1] }),
    ]);
  });
});

describe('break-the-glass in the audit trail', () => {
  it('marks every read and write of a patient held by break-the-glass as emergency access, and no other', async () => {
    const requestId = randomUUID();
    const [opened, own] = [patients[2]!, patients[3]!];
    const clinician: Identity = { ...doctor, facilityIds: [randomUUID()], emergencyPatientIds: [opened] };
    const audit = new AuditLog({ service: 'care', identity: clinician, ip: null, requestId, operation: 'Chart' });
    audit.record({ action: 'read', entityType: 'Encounter', entityId: 'e-1', patientId: opened, detail: { section: 'notes' } });
    audit.record({ action: 'read', entityType: 'Encounter', entityId: 'e-2', patientId: own });
    audit.record({ action: 'search', entityType: 'Encounter' });
    await audit.flush(t.database.db);
    await audit.write(t.database.db, { action: 'create', entityType: 'Vitals', entityId: 'v-1', patientId: opened });

    const rows = await rowsOf(requestId);
    expect(rows.map((r) => [r.entity_id, r.detail])).toEqual([
      ['e-1', { section: 'notes', emergencyAccess: true }],
      ['e-2', null],
      [null, null],
      ['v-1', { emergencyAccess: true }],
    ]);
  });
});
