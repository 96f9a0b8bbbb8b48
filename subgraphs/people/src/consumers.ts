import { type EventConsumer, isUuid, Topics } from '@clinigraph/kit';
import { linkPatientToFacility } from './services/patient-scope.ts';

/**
 * The event log readers people runs: a patient booked (or requesting a booking) at a facility, or seen
 * there, belongs to it from then on, so its staff find them (facility scoping). Every appointment and
 * encounter event carries both the patient and the facility; the link is idempotent, so a replay, a
 * reschedule or a later state change of the same visit changes nothing.
 */
export const patientFacilityLinks: EventConsumer = {
  name: 'people.patient-facility-links',
  topics: [Topics.appointmentChanged, Topics.encounterChanged],
  handle: async (event, { tx, audit }) => {
    const { patientId, facilityId } = event;
    if (!patientId || !facilityId || !isUuid(patientId) || !isUuid(facilityId)) return;
    const linked = await linkPatientToFacility(tx, patientId, facilityId, event.createdAt);
    if (linked) {
      audit.record({
        action: 'update',
        entityType: 'PatientFacility',
        entityId: patientId,
        patientId,
        detail: { facilityId, reason: event.entityType === 'Encounter' ? 'seen at the facility' : 'booked at the facility', eventId: String(event.id) },
      });
    }
  },
};

export const peopleConsumers: EventConsumer[] = [patientFacilityLinks];
