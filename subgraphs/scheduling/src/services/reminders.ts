import { type Db, log, sendMail } from '@clinigraph/kit';
import { and, asc, eq, gt, inArray, lte, notExists, sql } from 'drizzle-orm';
import { appointment, appointmentType, facilityZone, reminder } from '../db/schema.ts';
import type { ContactDirectory } from './contacts.ts';
import { localWhen, notifyPatient } from './notifications.ts';

export const reminderLeadHours = () => Number(process.env.CLINIGRAPH_REMINDER_LEAD_HOURS ?? 24);

export interface ReminderOptions {
  now?: Date;
  /** Remind this many hours ahead (default CLINIGRAPH_REMINDER_LEAD_HOURS, else 24). */
  leadHours?: number;
  /** Where e-mail addresses come from; without one, e-mails wait (pending) for a run that has one. */
  contacts?: ContactDirectory | null;
  batch?: number;
}

export interface ReminderRun {
  /** Reminders this run created (each with its in-app notification). */
  created: number;
  /** E-mails this run sent. */
  mailed: number;
}

/** Appointments starting within the lead time, in an active state, not yet reminded for that start time. */
function due(db: Db, now: Date, horizon: Date, batch: number) {
  return db
    .select({ id: appointment.id, startsAt: appointment.startsAt })
    .from(appointment)
    .where(
      and(
        inArray(appointment.status, ['requested', 'confirmed']),
        gt(appointment.startsAt, now),
        lte(appointment.startsAt, horizon),
        notExists(
          db
            .select({ one: sql`1` })
            .from(reminder)
            .where(and(eq(reminder.appointmentId, appointment.id), eq(reminder.startsAt, appointment.startsAt))),
        ),
      ),
    )
    .orderBy(asc(appointment.startsAt))
    .limit(batch);
}

async function details(db: Db, appointmentIds: string[]) {
  return db
    .select({ appointment, typeName: appointmentType.name, timezone: facilityZone.timezone })
    .from(appointment)
    .innerJoin(appointmentType, eq(appointmentType.id, appointment.typeId))
    .innerJoin(facilityZone, eq(facilityZone.facilityId, appointment.facilityId))
    .where(inArray(appointment.id, appointmentIds));
}

/**
 * Phase 1: claim. Inserting the reminder row is the claim; its unique key (appointment, start time)
 * lets exactly one of several concurrent runs insert it, and only that run writes the in-app
 * notification, in the same transaction.
 */
async function createReminders(db: Db, now: Date, leadHours: number, batch: number): Promise<number> {
  const candidates = await due(db, now, new Date(now.getTime() + leadHours * 3_600_000), batch);
  if (!candidates.length) return 0;
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(reminder)
      .values(candidates.map((c) => ({ appointmentId: c.id, startsAt: c.startsAt })))
      .onConflictDoNothing()
      .returning({ appointmentId: reminder.appointmentId });
    if (!claimed.length) return 0;
    for (const { appointment: a, typeName, timezone } of await details(
      tx as unknown as Db,
      claimed.map((c) => c.appointmentId),
    )) {
      await notifyPatient(tx, {
        patientId: a.patientId,
        appointmentId: a.id,
        kind: 'reminder',
        title: `Reminder: ${typeName}`,
        body: `Your ${typeName.toLowerCase()} is on ${localWhen(a.startsAt, timezone)}.`,
      });
    }
    return claimed.length;
  });
}

/**
 * Phase 2: e-mail. Pending reminders are claimed with UPDATE … RETURNING over SKIP LOCKED rows, so
 * concurrent runs split them and each e-mail is sent by one run only. A failed lookup puts them back.
 */
async function mailReminders(db: Db, contacts: ContactDirectory, now: Date, batch: number): Promise<number> {
  const claimed = await db.transaction(async (tx) => {
    const pending = await tx
      .select({ id: reminder.id })
      .from(reminder)
      .where(eq(reminder.mailStatus, 'pending'))
      .orderBy(asc(reminder.createdAt))
      .limit(batch)
      .for('update', { skipLocked: true });
    if (!pending.length) return [];
    return tx
      .update(reminder)
      .set({ mailStatus: 'sending', mailClaimedAt: now })
      .where(
        inArray(
          reminder.id,
          pending.map((p) => p.id),
        ),
      )
      .returning();
  });
  if (!claimed.length) return 0;
  const info = new Map((await details(db, [...new Set(claimed.map((r) => r.appointmentId))])).map((d) => [d.appointment.id, d]));
  let directory: Awaited<ReturnType<ContactDirectory>>;
  try {
    directory = await contacts([...new Set([...info.values()].map((d) => d.appointment.patientId))]);
  } catch (err) {
    log.warn({ err }, 'reminder e-mails wait: contacts are unavailable');
    const ids = claimed.map((r) => r.id);
    await db.update(reminder).set({ mailStatus: 'pending', mailClaimedAt: null }).where(inArray(reminder.id, ids));
    return 0;
  }
  let mailed = 0;
  for (const r of claimed) {
    const d = info.get(r.appointmentId);
    const contact = d ? directory.get(d.appointment.patientId) : undefined;
    let status: 'sent' | 'no_address' | 'skipped' | 'failed' = 'sent';
    if (!d || !['requested', 'confirmed'].includes(d.appointment.status) || d.appointment.startsAt.getTime() !== r.startsAt.getTime()) status = 'skipped';
    else if (!contact?.email) status = 'no_address';
    else {
      try {
        await sendMail({
          to: contact.email,
          subject: `Reminder: ${d.typeName} on ${localWhen(d.appointment.startsAt, d.timezone)}`,
          text: `Dear ${contact.name},\n\nThis is a reminder of your ${d.typeName.toLowerCase()} on ${localWhen(d.appointment.startsAt, d.timezone)}.\n\nClinigraph`,
        });
        mailed++;
      } catch (err) {
        log.error({ err, reminderId: r.id }, 'reminder e-mail failed');
        status = 'failed';
      }
    }
    await db
      .update(reminder)
      .set({ mailStatus: status, mailedAt: status === 'sent' ? new Date() : null })
      .where(eq(reminder.id, r.id));
  }
  return mailed;
}

/** The reminder job: run it on an interval, from `npm run reminders`, or on several processes at once. */
export async function runReminders(db: Db, options: ReminderOptions = {}): Promise<ReminderRun> {
  const now = options.now ?? new Date();
  const batch = options.batch ?? 500;
  const created = await createReminders(db, now, options.leadHours ?? reminderLeadHours(), batch);
  const mailed = options.contacts ? await mailReminders(db, options.contacts, now, batch) : 0;
  return { created, mailed };
}
