import { assertFacilityAccess, badInput, can, type EventRow, forbidden, type LiveField, Topics } from '@clinigraph/kit';

interface AppointmentPayload {
  days?: string[];
  previousProviderId?: string | null;
}
const payload = (e: EventRow) => e.payload as AppointmentPayload;
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
const involvesProvider = (e: EventRow, providerId: string) => e.providerId === providerId || payload(e).previousProviderId === providerId;

/**
 * `appointmentChanged`: a patient gets only their own events, whatever the arguments. Staff get those of
 * their facilities (the gateway drops every event whose facility is not the subscriber's); naming
 * another facility is NOT_FOUND, as for one that does not exist.
 */
export const appointmentChanged: LiveField = {
  field: 'appointmentChanged',
  resolveWith: 'appointmentEvent',
  topics: [Topics.appointmentChanged],
  authorize(args, { identity }) {
    const staff = can(identity, 'appointment.read');
    const ownPatient = staff || !can(identity, 'own.read') ? null : identity.patientId;
    if (!staff && !ownPatient) throw forbidden();
    const mine = args.mine === true;
    if (mine && staff && !identity.providerId) throw badInput('`mine` needs a patient or provider account');
    const facilityId = str(args.facilityId);
    assertFacilityAccess({ identity }, facilityId, 'Facility');
    const providerId = str(args.providerId);
    const day = str(args.day);
    return (e) =>
      (!ownPatient || e.patientId === ownPatient) &&
      (!mine || !staff || involvesProvider(e, identity.providerId as string)) &&
      (!facilityId || e.facilityId === facilityId) &&
      (!providerId || involvesProvider(e, providerId)) &&
      (!day || (payload(e).days ?? []).includes(day));
  },
};

/** `queueChanged`: the day queue of one provider, for who may read it (`queue.read`: reception and clinicians). */
export const queueChanged: LiveField = {
  field: 'queueChanged',
  resolveWith: 'queueEvent',
  topics: [Topics.queueChanged],
  authorize(args, { identity }) {
    if (!can(identity, 'queue.read')) throw forbidden();
    const providerId = str(args.providerId);
    const day = str(args.day);
    return (e) => e.providerId === providerId && (e.payload as { day?: string }).day === day;
  },
};

/** Scheduling's subscriptions (declared in schema/live.ts), served by the gateway's live module. */
export const schedulingLiveFields: LiveField[] = [appointmentChanged, queueChanged];
