import { type EventConsumer, Topics } from '@clinigraph/kit';
import { completeFromEncounter } from './services/visit-completion.ts';

/** The event log readers scheduling runs: an appointment follows its encounter (consultation started → in progress, closed → completed). */
export const schedulingConsumers: EventConsumer[] = [
  {
    name: 'scheduling.complete-on-encounter-closed',
    topics: [Topics.encounterChanged],
    handle: (event, { tx, audit }) => completeFromEncounter(tx, event, audit),
  },
];
