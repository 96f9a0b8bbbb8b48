import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';
import {
  appointmentOf,
  bookSoon,
  chargesOf,
  checkIn,
  consultAndClose,
  countRows,
  diagnoseAndClose,
  move,
  replay,
  type Staff,
  signIn,
  startConsultation,
} from './fixtures.ts';

/**
 * Care's encounter.changed (closed, origin appointment) is consumed by scheduling, which moves the
 * appointment to COMPLETED through its state machine; appointment.completed then charges the visit.
 */
let stack: TestStack;
let staff: Staff;
beforeAll(async () => {
  stack = await startTestStack();
  staff = await signIn(stack);
});
afterAll(() => stack?.stop());

const completedEvents = (appointmentId: string) =>
  countRows(stack, `select count(*) as n from events.log where topic = 'appointment.completed' and entity_id = $1`, [appointmentId]);
const schedulingOffset = async () =>
  Number(
    (
      await stack.db.database.query<{ last_id: string }>(
        `select last_id from events.consumer_offset where consumer = 'scheduling.complete-on-encounter-closed'`,
      )
    )[0]?.last_id ?? 0,
  );
const lastClosedEvent = async (encounterId: string) =>
  Number(
    (
      await stack.db.database.query<{ id: string }>(
        `select max(id) as id from events.log where topic = 'encounter.changed' and entity_id = $1 and payload->>'status' = 'closed'`,
        [encounterId],
      )
    )[0]?.id ?? 0,
  );

describe('an appointment follows its encounter', () => {
  it('starts with the consultation and completes when the encounter closes, and the visit is charged once at the GP price', async () => {
    const maria = stack.seed.patientIds[0]!;
    const appointmentId = await bookSoon(stack, staff.reception, maria);
    const encounterId = await checkIn(stack, staff, maria, appointmentId);
    await startConsultation(stack, staff.doctor, encounterId);
    expect((await appointmentOf(staff.reception, appointmentId)).status).toBe('IN_PROGRESS');
    await diagnoseAndClose(stack, staff.doctor, encounterId);

    const appointment = await appointmentOf(staff.reception, appointmentId);
    expect(appointment.status).toBe('COMPLETED');
    expect(appointment.history.slice(-2).map((h) => [h.action, h.fromStatus, h.toStatus])).toEqual([
      ['start', 'CHECKED_IN', 'IN_PROGRESS'],
      ['complete', 'IN_PROGRESS', 'COMPLETED'],
    ]);
    // The doctor who closed the encounter is named as the one who completed the visit.
    const doctor = stack.seed.logins.find((l) => l.role === 'doctor')!;
    const [closer] = await stack.db.database.query<{ id: string }>('select id from people.account where email = $1', [doctor.email]);
    expect(appointment.history.slice(-2).map((h) => [h.actorId, h.reason])).toEqual([
      [closer!.id, 'Consultation started'],
      [closer!.id, 'Encounter closed'],
    ]);
    const visitCharges = (await chargesOf(staff.billing, maria)).filter((c) => c.encounterId === encounterId);
    expect(visitCharges).toMatchObject([{ code: 'CONSULT-GP', unitPriceMinor: 5000, currency: 'USD', source: 'APPOINTMENT', sourceId: appointmentId }]);

    await replay(stack, 'scheduling.', 'finance.');
    expect((await chargesOf(staff.billing, maria)).filter((c) => c.encounterId === encounterId).map((c) => c.id)).toEqual([visitCharges[0]!.id]);
    expect((await appointmentOf(staff.reception, appointmentId)).history).toHaveLength(appointment.history.length);
    expect(await completedEvents(appointmentId)).toBe(1);
  });

  it('completes an appointment the doctor already started in one step', async () => {
    const james = stack.seed.patientIds[1]!;
    const appointmentId = await bookSoon(stack, staff.reception, james);
    const encounterId = await checkIn(stack, staff, james, appointmentId);
    expect((await move(staff.doctor, 'startAppointment', appointmentId)).data?.startAppointment?.status).toBe('IN_PROGRESS');
    await consultAndClose(stack, staff.doctor, encounterId);

    const appointment = await appointmentOf(staff.reception, appointmentId);
    expect(appointment.history.map((h) => h.action)).toEqual(['booked', 'check_in', 'start', 'complete']);
    expect((await chargesOf(staff.billing, james)).filter((c) => c.sourceId === appointmentId)).toHaveLength(1);
  });

  it('leaves an appointment completed by hand or cancelled as it is, and reads past the event without failing', async () => {
    const aisha = stack.seed.patientIds[2]!;
    const completed = await bookSoon(stack, staff.reception, aisha);
    const completedEncounter = await checkIn(stack, staff, aisha, completed);
    await move(staff.doctor, 'startAppointment', completed);
    await move(staff.doctor, 'completeAppointment', completed);
    const cancelled = await bookSoon(stack, staff.reception, aisha);
    const cancelledEncounter = await checkIn(stack, staff, aisha, cancelled);
    expect((await move(staff.reception, 'cancelAppointment', cancelled)).data?.cancelAppointment?.status).toBe('CANCELLED');

    await consultAndClose(stack, staff.doctor, completedEncounter);
    await consultAndClose(stack, staff.doctor, cancelledEncounter);

    expect(await schedulingOffset()).toBeGreaterThanOrEqual(await lastClosedEvent(cancelledEncounter));
    expect((await appointmentOf(staff.reception, completed)).history.map((h) => h.action)).toEqual(['booked', 'check_in', 'start', 'complete']);
    expect((await appointmentOf(staff.reception, cancelled)).history.map((h) => h.action)).toEqual(['booked', 'check_in', 'cancel']);
    const charges = await chargesOf(staff.billing, aisha);
    expect(charges.filter((c) => c.sourceId === completed)).toHaveLength(1);
    expect(charges.filter((c) => c.sourceId === cancelled || c.encounterId === cancelledEncounter)).toEqual([]);
    expect(await completedEvents(completed)).toBe(1);
  });

  it('completes each appointment exactly once when the doctor completes it by hand while the encounter closes', async () => {
    const patients = stack.seed.patientIds.slice(0, 3);
    const visits = await Promise.all(
      patients.map(async (patientId) => {
        const appointmentId = await bookSoon(stack, staff.reception, patientId);
        const encounterId = await checkIn(stack, staff, patientId, appointmentId);
        await move(staff.doctor, 'startAppointment', appointmentId);
        return { patientId, appointmentId, encounterId };
      }),
    );
    const byHand = await Promise.all(
      visits.flatMap((v) => [consultAndClose(stack, staff.doctor, v.encounterId).then(() => null), move(staff.doctor, 'completeAppointment', v.appointmentId)]),
    );
    await stack.consumers.drain();

    for (const v of visits) {
      const appointment = await appointmentOf(staff.reception, v.appointmentId);
      expect(appointment.status).toBe('COMPLETED');
      expect(appointment.history.filter((h) => h.action === 'complete')).toHaveLength(1);
      expect(await completedEvents(v.appointmentId)).toBe(1);
      expect((await chargesOf(staff.billing, v.patientId)).filter((c) => c.sourceId === v.appointmentId)).toHaveLength(1);
    }
    // The doctor's own move either won or met the completed appointment and was told so in plain words.
    for (const result of byHand.filter((r) => r !== null)) {
      if (result.errors.length) expect(result.errors[0]!.extensions?.code).toBe('INVALID_STATE');
    }
  });
});
