import { codeOf, type GqlClient } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';
import { appointmentOf, bookSoon, move, type Staff, signIn } from './fixtures.ts';

/** The moves the reception and doctor screens offer (start visit, complete, mark no-show), as the API enforces them. */
let stack: TestStack;
let staff: Staff;
let nurse: GqlClient;
let maria: GqlClient;
beforeAll(async () => {
  stack = await startTestStack();
  staff = await signIn(stack);
  nurse = await stack.as('nurse');
  maria = await stack.as({ email: 'maria@example.com' });
});
afterAll(() => stack?.stop());

const statusOf = async (id: string) => (await appointmentOf(staff.reception, id)).status;

describe('start visit, complete and mark no-show through the gateway', () => {
  it('marks a no-show only once the start time has passed, and then allows nothing else', async () => {
    const mariaId = stack.seed.patientIds[0]!;
    const id = await bookSoon(stack, staff.reception, mariaId, 1_500);
    const early = await move(staff.reception, 'markNoShow', id);
    expect(early.errors[0]?.extensions).toMatchObject({ code: 'INVALID_STATE' });
    expect(early.errors[0]?.message).toBe('An appointment can be marked a no-show only after it starts');

    await new Promise((resolve) => setTimeout(resolve, 1_600));
    expect(codeOf(await move(maria, 'markNoShow', id))).toBe('FORBIDDEN');
    expect(codeOf(await move(staff.billing, 'markNoShow', id))).toBe('FORBIDDEN');
    expect((await move(staff.reception, 'markNoShow', id)).data?.markNoShow?.status).toBe('NO_SHOW');
    for (const [client, field] of [
      [staff.reception, 'markNoShow'],
      [staff.reception, 'checkInAppointment'],
      [staff.doctor, 'startAppointment'],
      [staff.doctor, 'completeAppointment'],
    ] as const) {
      expect(codeOf(await move(client, field, id))).toBe('INVALID_STATE');
    }
    expect((await move(staff.reception, 'checkInAppointment', id)).errors[0]?.message).toBe(
      'This appointment is marked a no-show, so it cannot be checked in.',
    );
    expect(await statusOf(id)).toBe('NO_SHOW');
  });

  it('undoes a no-show on its day when the patient came after all, unless the time was given to someone else since', async () => {
    const [mariaId, jamesId] = stack.seed.patientIds as [string, string];
    const id = await bookSoon(stack, staff.reception, mariaId, 1_500);
    await new Promise((resolve) => setTimeout(resolve, 1_600));
    await move(staff.reception, 'markNoShow', id);
    expect(codeOf(await move(maria, 'undoNoShow', id))).toBe('FORBIDDEN');
    expect((await move(staff.reception, 'undoNoShow', id)).data?.undoNoShow?.status).toBe('CONFIRMED');
    expect((await move(staff.reception, 'checkInAppointment', id)).data?.checkInAppointment?.status).toBe('CHECKED_IN');
    expect(codeOf(await move(staff.reception, 'undoNoShow', id))).toBe('INVALID_STATE');
    await move(staff.reception, 'cancelAppointment', id);

    const freed = await bookSoon(stack, staff.reception, jamesId, 1_500);
    await new Promise((resolve) => setTimeout(resolve, 1_600));
    await move(staff.reception, 'markNoShow', freed);
    // The no-show's half hour went to another patient of the same doctor.
    await bookSoon(stack, staff.reception, stack.seed.patientIds[2]!, 5 * 60_000);
    const refused = await move(staff.reception, 'undoNoShow', freed);
    expect(refused.errors[0]?.extensions).toMatchObject({ code: 'SLOT_TAKEN' });
    expect(await statusOf(freed)).toBe('NO_SHOW');
  });

  it('lets clinicians, not reception or the patient, start and complete a checked-in visit, in order', async () => {
    const mariaId = stack.seed.patientIds[0]!;
    const id = await bookSoon(stack, staff.reception, mariaId);
    expect(codeOf(await move(staff.doctor, 'startAppointment', id))).toBe('INVALID_STATE');
    await move(staff.reception, 'checkInAppointment', id);

    expect(codeOf(await move(staff.reception, 'markNoShow', id))).toBe('INVALID_STATE');
    const early = await move(staff.doctor, 'completeAppointment', id);
    expect(early.errors[0]?.extensions).toMatchObject({ code: 'INVALID_STATE', from: 'checked_in', to: 'completed' });
    expect(early.errors[0]?.message).toBe('This appointment is checked in, so it cannot be completed. Start the visit first.');
    expect(codeOf(await move(staff.reception, 'startAppointment', id))).toBe('FORBIDDEN');
    expect(codeOf(await move(maria, 'startAppointment', id))).toBe('FORBIDDEN');
    expect((await move(nurse, 'startAppointment', id)).data?.startAppointment?.status).toBe('IN_PROGRESS');
    expect(codeOf(await move(staff.reception, 'completeAppointment', id))).toBe('FORBIDDEN');
    expect((await move(staff.doctor, 'completeAppointment', id)).data?.completeAppointment?.status).toBe('COMPLETED');
    expect(codeOf(await move(staff.doctor, 'startAppointment', id))).toBe('INVALID_STATE');
    expect((await appointmentOf(staff.reception, id)).history.map((h) => h.action)).toEqual(['booked', 'check_in', 'start', 'complete']);
  });
});
