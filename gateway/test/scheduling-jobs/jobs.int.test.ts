import { randomUUID } from 'node:crypto';
import { devOutbox } from '@clinigraph/kit';
import { codeOf, type GqlClient } from '@clinigraph/kit/testing';
import { type ContactDirectory, peopleDirectory } from '@clinigraph/scheduling/services/contacts';
import { runReminders } from '@clinigraph/scheduling/services/reminders';
import { expireWaitlistOffers } from '@clinigraph/scheduling/services/waitlist-offers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';
import { BOOK, CANCEL, type Clinic, countRows, futureSlot, networkWide, openClinic, RESCHEDULE } from '../scheduling-booking/fixtures.ts';

let stack: TestStack;
let reception: GqlClient;
let clinic: Clinic;
let contacts: ContactDirectory;

beforeAll(async () => {
  stack = await startTestStack();
  reception = await networkWide(stack, 'receptionist');
  clinic = await openClinic(await stack.as('admin'), { durationMinutes: 30 });
  contacts = peopleDirectory(stack.subgraphs.people!.url);
});
afterAll(() => stack?.stop());

const gridTime = (minutesAhead: number) => new Date(Math.ceil((Date.now() + minutesAhead * 60_000) / 1_800_000) * 1_800_000).toISOString();
const book = (startsAt: string, patientId: string) =>
  reception.data<{ bookAppointment: { id: string } }>(BOOK, {
    input: { patientId, providerId: clinic.providerIds[0], facilityId: clinic.facilityId, typeId: clinic.typeId, startsAt },
  });

describe('reminders', () => {
  it('reminds once, 24 hours ahead, even when two runs race, and again only when the time moves', async () => {
    const mariaId = stack.seed.patientIds[0]!;
    const { bookAppointment } = await book(gridTime(5 * 60), mariaId);
    const later = await book(gridTime(30 * 60), stack.seed.patientIds[1]!);
    const mails = () => devOutbox.filter((m) => m.to === 'maria@example.com' && m.subject.startsWith('Reminder: Test visit'));
    const remindersOf = (id: string) => countRows(stack, `select count(*) as n from scheduling.reminder where appointment_id = $1`, [id]);
    const notificationsOf = (id: string) => countRows(stack, `select count(*) as n from scheduling.notification where appointment_id = $1`, [id]);

    const db = stack.db.database.db;
    await Promise.all([runReminders(db, { contacts }), runReminders(db, { contacts }), runReminders(db, { contacts })]);
    await runReminders(db, { contacts });
    expect(mails()).toHaveLength(1);
    expect(mails()[0]?.text).toContain('Dear Maria Garcia');
    expect(await remindersOf(bookAppointment.id)).toBe(1);
    expect(await notificationsOf(bookAppointment.id)).toBe(1);
    expect(await remindersOf(later.bookAppointment.id)).toBe(0);

    const maria = await stack.as({ email: 'maria@example.com' });
    const { notifications } = await maria.data<{ notifications: { kind: string; appointmentId: string }[] }>(`{ notifications { kind appointmentId } }`);
    expect(notifications.filter((n) => n.appointmentId === bookAppointment.id).map((n) => n.kind)).toEqual(['reminder']);

    await reception.data(RESCHEDULE, { id: bookAppointment.id, startsAt: gridTime(7 * 60) });
    await Promise.all([runReminders(db, { contacts }), runReminders(db, { contacts })]);
    expect(mails()).toHaveLength(2);
    expect(await remindersOf(bookAppointment.id)).toBe(2);
  });

  it('keeps e-mails pending while contacts are unreachable, and sends them on a later run', async () => {
    const aishaId = stack.seed.patientIds[2]!;
    const { bookAppointment } = await book(gridTime(9 * 60), aishaId);
    const db = stack.db.database.db;
    const down: ContactDirectory = async () => {
      throw new Error('people is down');
    };
    await runReminders(db, { contacts: down });
    const status = async () =>
      (await stack.db.database.query<{ mail_status: string }>(`select mail_status from scheduling.reminder where appointment_id = $1`, [bookAppointment.id]))[0]
        ?.mail_status;
    expect(await status()).toBe('pending');
    await runReminders(db, { contacts });
    expect(await status()).toBe('sent');
    expect(devOutbox.filter((m) => m.to === 'aisha@example.com' && m.subject.startsWith('Reminder: Test visit'))).toHaveLength(1);
  });
});

describe('the waitlist', () => {
  const JOIN = `mutation J($input: JoinWaitlistInput!) { joinWaitlist(input: $input) { id status } }`;
  const pendingOffer = async (slot: string) =>
    (
      await stack.db.database.query<{ id: string; entry_id: string }>(
        `select id, entry_id from scheduling.waitlist_offer where status = 'pending' and starts_at = $1`,
        [slot],
      )
    )[0];

  it('offers a freed slot to the first-ranked entry, passes it on at expiry, and books it on acceptance', async () => {
    const slot = futureSlot(40, 15);
    const holder = await book(slot, randomUUID());
    const window = { facilityId: clinic.facilityId, typeId: clinic.typeId, earliest: futureSlot(40, 0), latest: futureSlot(40, 23) };
    const james = await stack.as({ email: 'james@example.com' });
    const first = await james.data<{ joinWaitlist: { id: string } }>(JOIN, { input: window });
    const secondPatient = randomUUID();
    const second = await reception.data<{ joinWaitlist: { id: string } }>(JOIN, { input: { ...window, patientId: secondPatient } });
    await reception.data(CANCEL, { id: holder.bookAppointment.id, reason: 'Patient called' });

    const offered = await pendingOffer(slot);
    expect(offered?.entry_id).toBe(first.joinWaitlist.id);
    const { notifications } = await james.data<{ notifications: { kind: string; offerId: string }[] }>(`{ notifications { kind offerId } }`);
    expect(notifications.some((n) => n.kind === 'waitlist_offer' && n.offerId === offered!.id)).toBe(true);

    // A patient searching slots no longer sees the offered time while the offer is open.
    const { slots } = await james.data<{ slots: { edges: { node: { startsAt: string } }[] } }>(
      `query S($input: SlotSearchInput!) { slots(input: $input, first: 100) { edges { node { startsAt } } } }`,
      { input: { typeId: clinic.typeId, facilityId: clinic.facilityId, from: slot.slice(0, 10), to: slot.slice(0, 10) } },
    );
    expect(slots.edges.map((e) => e.node.startsAt)).not.toContain(slot);

    const run = await expireWaitlistOffers(stack.db.database.db, new Date(Date.now() + 31 * 60_000));
    expect(run).toEqual({ expired: 1, reoffered: 1 });
    const next = await pendingOffer(slot);
    expect(next?.entry_id).toBe(second.joinWaitlist.id);
    expect(codeOf(await james.request(`mutation A($o: ID!) { acceptWaitlistOffer(offerId: $o) { id } }`, { o: offered!.id }))).toBe('INVALID_STATE');
    expect(codeOf(await james.request(`mutation A($o: ID!) { acceptWaitlistOffer(offerId: $o) { id } }`, { o: next!.id }))).toBe('NOT_FOUND');

    const accepted = await reception.data<{ acceptWaitlistOffer: { id: string; startsAt: string; status: string } }>(
      `mutation A($o: ID!) { acceptWaitlistOffer(offerId: $o) { id startsAt status } }`,
      { o: next!.id },
    );
    expect(accepted.acceptWaitlistOffer).toMatchObject({ startsAt: slot, status: 'CONFIRMED' });
    const { waitlist } = await james.data<{ waitlist: { id: string; status: string }[] }>(`{ waitlist { id status } }`);
    expect(waitlist).toEqual([{ id: first.joinWaitlist.id, status: 'WAITING' }]);
    expect(await countRows(stack, `select count(*) as n from scheduling.waitlist_entry where id = $1 and status = 'booked'`, [second.joinWaitlist.id])).toBe(1);
  });

  it('passes a declined offer to the next entry', async () => {
    const slot = futureSlot(41, 15);
    const holder = await book(slot, randomUUID());
    const window = { facilityId: clinic.facilityId, typeId: clinic.typeId, earliest: futureSlot(41, 0), latest: futureSlot(41, 23) };
    const entries = [];
    for (let i = 0; i < 2; i++)
      entries.push((await reception.data<{ joinWaitlist: { id: string } }>(JOIN, { input: { ...window, patientId: randomUUID() } })).joinWaitlist.id);
    await reception.data(CANCEL, { id: holder.bookAppointment.id });
    const offered = await pendingOffer(slot);
    expect(offered?.entry_id).toBe(entries[0]);
    await reception.data(`mutation D($o: ID!) { declineWaitlistOffer(offerId: $o) { status } }`, { o: offered!.id });
    expect((await pendingOffer(slot))?.entry_id).toBe(entries[1]);
  });
});
