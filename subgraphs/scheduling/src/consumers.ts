import { type EventConsumer, Topics } from '@clinigraph/kit';
import { schedulingPatientMerge } from './services/patient-merge.ts';
import { completeFromEncounter } from './services/visit-completion.ts';

/** The event log readers scheduling runs: an appointment follows its encounter (consultation started → in progress, closed → completed); a patient merge re-points the bookings. */
export const schedulingConsumers: EventConsumer[] = [
  {
    name: 'scheduling.complete-on-encounter-closed',
    topics: [Topics.encounterChanged],
    handle: (event, { tx, audit }) => completeFromEncounter(tx, event, audit),
  },
  schedulingPatientMerge,
];
