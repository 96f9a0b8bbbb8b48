import { randomUUID } from 'node:crypto';
import { codeOf, type GqlClient } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';
import { type Clinic, countRows, demoWorkdays, futureSlot, openClinic } from '../scheduling-booking/fixtures.ts';

/**
 * A client that does not know whether its write went through (a timeout, a dropped connection) sends it
 * again with the same idempotency key, and learns what happened instead of writing twice.
 */
let stack: TestStack;
let reception: GqlClient;
let billing: GqlClient;
let clinic: Clinic;
/** One day per test, clear of the demo facility's holidays. */
const day = demoWorkdays(19, 5);

beforeAll(async () => {
  stack = await startTestStack();
  reception = await stack.as('receptionist');
  billing = await stack.as('billing');
  clinic = await openClinic(await stack.as('admin'), { durationMinutes: 30, facilityId: stack.seed.facilityId });
});
afterAll(() => stack?.stop());

const BOOK = `mutation B($input: BookAppointmentInput!, $key: String) { bookAppointment(input: $input, idempotencyKey: $key) { id status } }`;
const PAY = `mutation P($input: PaymentInput!, $key: String) { recordPayment(input: $input, idempotencyKey: $key) { id tenderedMinor } }`;

const booking = (startsAt: string, patientId: string) => ({
  patientId,
  providerId: clinic.providerIds[0],
  facilityId: clinic.facilityId,
  typeId: clinic.typeId,
  startsAt,
});
const book = (input: ReturnType<typeof booking>, key?: string) => reception.request<{ bookAppointment: { id: string } }>(BOOK, { input, key });
const appointmentsOf = (patientId: string) => countRows(stack, 'select count(*) as n from scheduling.appointment where patient_id = $1', [patientId]);

const deposit = (patientId: string, amountMinor: number) => ({ patientId, method: 'CASH', amountMinor, currency: 'USD' });
const pay = (input: ReturnType<typeof deposit>, key?: string) => billing.request<{ recordPayment: { id: string } }>(PAY, { input, key });
const paymentsOf = (patientId: string) => countRows(stack, 'select count(*) as n from finance.payment where patient_id = $1', [patientId]);

describe('a booking retried with its idempotency key', () => {
  it('books once and answers every retry with the first appointment', async () => {
    const patientId = randomUUID();
    const input = booking(futureSlot(day[1]!, 15), patientId);
    const key = randomUUID();
    const first = await book(input, key);
    expect(first.errors).toEqual([]);
    const retry = await book(input, key);
    expect(retry.errors).toEqual([]);
    expect(retry.data?.bookAppointment.id).toBe(first.data?.bookAppointment.id);
    expect(await appointmentsOf(patientId)).toBe(1);
  });

  it('books once when 20 retries with one key arrive at the same time', async () => {
    const patientId = randomUUID();
    const input = booking(futureSlot(day[2]!, 15), patientId);
    const key = randomUUID();
    const results = await Promise.all(Array.from({ length: 20 }, () => book(input, key)));
    expect(results.flatMap((r) => r.errors)).toEqual([]);
    expect(new Set(results.map((r) => r.data?.bookAppointment.id)).size).toBe(1);
    expect(await appointmentsOf(patientId)).toBe(1);
    expect(await countRows(stack, 'select count(*) as n from scheduling.idempotency_key where key = $1', [key])).toBe(1);
  });

  it('refuses the same key with another booking, writing nothing', async () => {
    const patientId = randomUUID();
    const key = randomUUID();
    expect((await book(booking(futureSlot(day[3]!, 15), patientId), key)).errors).toEqual([]);
    const other = await book(booking(futureSlot(day[3]!, 16), patientId), key);
    expect(codeOf(other)).toBe('CONFLICT');
    expect(other.errors[0]?.extensions?.reason).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await appointmentsOf(patientId)).toBe(1);
  });

  it('lets a retry book after a first attempt that failed, and still refuses a key that is not a key', async () => {
    const patientId = randomUUID();
    const slot = futureSlot(day[4]!, 15);
    expect((await book(booking(slot, randomUUID()))).errors).toEqual([]);
    const key = randomUUID();
    expect(codeOf(await book(booking(slot, patientId), key))).toBe('SLOT_TAKEN');
    expect((await book(booking(futureSlot(day[4]!, 16), patientId), key)).errors).toEqual([]);
    expect(await appointmentsOf(patientId)).toBe(1);

    const bad = await book(booking(futureSlot(day[4]!, 17), patientId), 'short');
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors[0]?.message).toContain('idempotencyKey');
  });

  it('without a key, books as before: a retry is a second request', async () => {
    const patientId = randomUUID();
    const input = booking(futureSlot(day[0]!, 15), patientId);
    expect((await book(input)).errors).toEqual([]);
    expect(codeOf(await book(input))).toBe('SLOT_TAKEN');
  });
});

describe('a payment retried with its idempotency key', () => {
  it('takes the money once and answers the retry with the first payment', async () => {
    const patientId = stack.seed.patientIds[1]!;
    const before = await paymentsOf(patientId);
    const key = randomUUID();
    const first = await pay(deposit(patientId, 1500), key);
    expect(first.errors).toEqual([]);
    const retry = await pay(deposit(patientId, 1500), key);
    expect(retry.data?.recordPayment.id).toBe(first.data?.recordPayment.id);
    expect(await paymentsOf(patientId)).toBe(before + 1);
  });

  it('records one payment when 20 retries with one key arrive at the same time', async () => {
    const patientId = stack.seed.patientIds[2]!;
    const before = await paymentsOf(patientId);
    const key = randomUUID();
    const results = await Promise.all(Array.from({ length: 20 }, () => pay(deposit(patientId, 2500), key)));
    expect(results.flatMap((r) => r.errors)).toEqual([]);
    expect(new Set(results.map((r) => r.data?.recordPayment.id)).size).toBe(1);
    expect(await paymentsOf(patientId)).toBe(before + 1);
    const [credit] = await stack.db.database.query<{ balance_minor: number }>(
      "select balance_minor from finance.patient_credit where patient_id = $1 and currency = 'USD'",
      [patientId],
    );
    expect(Number(credit?.balance_minor)).toBeGreaterThanOrEqual(2500);
    expect(Number(credit?.balance_minor)).toBeLessThan(5000);
  });

  it('refuses the same key with another amount, recording nothing more', async () => {
    const patientId = stack.seed.patientIds[3] ?? stack.seed.patientIds[0]!;
    const before = await paymentsOf(patientId);
    const key = randomUUID();
    expect((await pay(deposit(patientId, 1000), key)).errors).toEqual([]);
    const other = await pay(deposit(patientId, 9000), key);
    expect(codeOf(other)).toBe('CONFLICT');
    expect(other.errors[0]?.extensions?.reason).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await paymentsOf(patientId)).toBe(before + 1);
  });

  it('scopes keys to the caller: another person’s use of the same key is their own', async () => {
    const patientId = stack.seed.patientIds[0]!;
    const key = randomUUID();
    expect((await pay(deposit(patientId, 100), key)).errors).toEqual([]);
    const admin = await stack.as('admin');
    const theirs = await admin.request<{ recordPayment: { id: string } }>(PAY, { input: deposit(patientId, 100), key });
    expect(theirs.errors).toEqual([]);
    expect(await countRows(stack, 'select count(*) as n from finance.idempotency_key where key = $1', [key])).toBe(2);
  });
});

describe('keys expire', () => {
  it('are removed by the hourly job once a day old', async () => {
    const key = randomUUID();
    expect((await pay(deposit(stack.seed.patientIds[0]!, 100), key)).errors).toEqual([]);
    await stack.db.database.query(`update finance.idempotency_key set created_at = now() - interval '25 hours' where key = $1`, [key]);
    await stack.jobs.runDue(new Date());
    expect(await countRows(stack, 'select count(*) as n from finance.idempotency_key where key = $1', [key])).toBe(0);
  });
});
