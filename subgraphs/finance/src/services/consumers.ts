import { type EventConsumer, Topics } from '@clinigraph/kit';
import { chargeClosedWalkIn, chargeCompletedAppointment, chargeDispense, chargeLabOrder, linkEncounter } from './event-charges.ts';
import { financePatientMerge } from './patient-merge.ts';

/**
 * Finance's readers of the event log. Visits and encounters share one consumer so an encounter link
 * and the visit's charge are applied in log order, never racing each other; a closed walk-in
 * encounter is itself the visit's charge.
 */
export const financeConsumers: EventConsumer[] = [
  {
    name: 'finance.visits',
    topics: [Topics.appointmentCompleted, Topics.encounterChanged],
    handle: async (event, { tx, audit }) => {
      if (event.topic === Topics.encounterChanged) {
        await linkEncounter(tx, event);
        await chargeClosedWalkIn(tx, event, audit);
      } else await chargeCompletedAppointment(tx, event, audit);
    },
  },
  { name: 'finance.dispenses', topics: [Topics.stockDispensed], handle: (event, { tx, audit }) => chargeDispense(tx, event, audit).then(() => undefined) },
  { name: 'finance.lab-orders', topics: [Topics.labOrderReleased], handle: (event, { tx, audit }) => chargeLabOrder(tx, event, audit).then(() => undefined) },
  financePatientMerge,
];
