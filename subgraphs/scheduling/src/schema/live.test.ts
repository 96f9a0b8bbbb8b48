import { randomUUID } from 'node:crypto';
import { codeOf, startTestSubgraph, type TestSubgraph, tokenFor } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from './index.ts';

let sub: TestSubgraph;
const patients = [randomUUID(), randomUUID()];
let staffToken: string;
let eventId: string;
let appointmentId: string;

const EVENT = `query E($id: ID!) { appointmentEvent(id: $id) { cursor kind appointment { id status } } }`;

beforeAll(async () => {
  sub = await startTestSubgraph('scheduling', schema);
  staffToken = await tokenFor({ userId: randomUUID(), roles: ['receptionist'] });
  const staff = sub.client(staffToken);
  const providerId = randomUUID();
  const facilityId = randomUUID();
  const { createAppointmentType } = await staff.data<{ createAppointmentType: { id: string } }>(
    `mutation { createAppointmentType(input: { code: "LIVE", name: "Live", durationMinutes: 30, providerIds: ["${providerId}"] }) { id } }`,
  );
  await staff.data(`mutation S($input: CreateScheduleInput!) { createSchedule(input: $input) { id } }`, {
    input: {
      providerId,
      facilityId,
      timezone: 'Europe/Berlin',
      effectiveFrom: '2026-01-01',
      rules: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startTime: '00:00', endTime: '24:00', slotMinutes: 30 })),
    },
  });
  const startsAt = new Date(Math.ceil((Date.now() + 3 * 86_400_000) / 1_800_000) * 1_800_000).toISOString();
  const { bookAppointment } = await staff.data<{ bookAppointment: { id: string } }>(
    `mutation B($input: BookAppointmentInput!) { bookAppointment(input: $input) { id } }`,
    { input: { patientId: patients[0], providerId, facilityId, typeId: createAppointmentType.id, startsAt } },
  );
  appointmentId = bookAppointment.id;
  const [row] = await sub.database.query<{ id: string }>(`select id::text from events.log where entity_id = $1 and topic = 'appointment.changed'`, [
    appointmentId,
  ]);
  eventId = row!.id;
});
afterAll(() => sub?.close());

const patient = (i: number) => tokenFor({ userId: randomUUID(), roles: ['patient'], patientId: patients[i] });

describe('resolving live events in the subgraph', () => {
  it('gives staff and the patient concerned the event with its appointment', async () => {
    for (const token of [staffToken, await patient(0)]) {
      const { appointmentEvent } = await sub.client(token).data<{ appointmentEvent: { cursor: string; kind: string; appointment: { id: string } } }>(EVENT, {
        id: eventId,
      });
      expect(appointmentEvent).toEqual({ cursor: eventId, kind: 'BOOKED', appointment: { id: appointmentId, status: 'CONFIRMED' } });
    }
  });

  it('answers NOT_FOUND to another patient, to nobody, and for an event of another topic', async () => {
    expect(codeOf(await sub.client(await patient(1)).request(EVENT, { id: eventId }))).toBe('NOT_FOUND');
    expect(codeOf(await sub.client().request(EVENT, { id: eventId }))).toBe('UNAUTHENTICATED');
    const [schedule] = await sub.database.query<{ id: string }>(`select id::text from events.log where topic = 'schedule.changed' limit 1`);
    expect(codeOf(await sub.client(staffToken).request(EVENT, { id: schedule!.id }))).toBe('NOT_FOUND');
    expect(codeOf(await sub.client(staffToken).request(EVENT, { id: 'nope' }))).toBe('NOT_FOUND');
  });

  it('keeps the queue from patients', async () => {
    const result = await sub.client(await patient(0)).request(`query { queue(providerId: "${randomUUID()}", day: "2026-12-01") { token } }`);
    expect(codeOf(result)).toBe('FORBIDDEN');
  });

  it('refuses to run a subscription itself: the gateway serves them', async () => {
    const result = await sub.client(staffToken).request(`subscription { appointmentChanged { cursor } }`);
    expect(result.errors.length).toBeGreaterThan(0);
  });
});
