import { randomUUID } from 'node:crypto';
import { codeOf, gqlClient } from '@clinigraph/kit/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';
import { type Clinic, countRows, demoWorkdays, futureSlot, openClinic } from '../scheduling-booking/fixtures.ts';

/**
 * A write that outlives the gateway's deadline: the client is told SERVICE_UNAVAILABLE, and the subgraph,
 * told the deadline with the call, rolls the write back instead of committing it later. The client's retry
 * with the same idempotency key then books exactly once. PostgreSQL only: the write is held up by a lock
 * another connection holds, which PGlite's single connection cannot show (kit/src/deadline.test.ts covers
 * the rollback there).
 */
const onPostgres = process.env.DATABASE_URL?.startsWith('postgres') ?? false;

let stack: TestStack;
let clinic: Clinic;
beforeAll(async () => {
  if (!onPostgres) return;
  stack = await startTestStack();
  clinic = await openClinic(await stack.as('admin'), { durationMinutes: 30, facilityId: stack.seed.facilityId });
});
afterAll(() => stack?.stop());

const BOOK = `mutation B($input: BookAppointmentInput!, $key: String) { bookAppointment(input: $input, idempotencyKey: $key) { id } }`;

describe.skipIf(!onPostgres)('a booking past the gateway deadline', () => {
  it('is not saved after the client was told it failed, and its retry with the same key books once', async () => {
    const hurried = await stack.extraGateway({ subgraphTimeoutMs: 1500 });
    const reception = await stack.as('receptionist');
    const patientId = randomUUID();
    const input = {
      patientId,
      providerId: clinic.providerIds[0],
      facilityId: clinic.facilityId,
      typeId: clinic.typeId,
      startsAt: futureSlot(demoWorkdays(18, 1)[0]!, 15),
    };
    const key = randomUUID();
    const appointments = () => countRows(stack, 'select count(*) as n from scheduling.appointment where patient_id = $1', [patientId]);

    // Another connection holds the appointment table for 4 s: the booking's INSERT waits past the 1.5 s deadline.
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const holder = stack.db.database.db.transaction(async (tx) => {
      await tx.execute(sql`lock table scheduling.appointment in share mode`);
      locked();
      await new Promise((resolve) => setTimeout(resolve, 4000));
    });
    await lockTaken;
    const timedOut = await gqlClient(`${hurried.url}/graphql`, reception.token).request(BOOK, { input, key });
    expect(codeOf(timedOut)).toBe('SERVICE_UNAVAILABLE');
    await holder;
    // Long after the lock is gone, the write the client was told failed has not committed.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await appointments()).toBe(0);

    const retried = await reception.request<{ bookAppointment: { id: string } }>(BOOK, { input, key });
    expect(retried.errors).toEqual([]);
    const again = await reception.request<{ bookAppointment: { id: string } }>(BOOK, { input, key });
    expect(again.data?.bookAppointment.id).toBe(retried.data?.bookAppointment.id);
    expect(await appointments()).toBe(1);
  });
});
