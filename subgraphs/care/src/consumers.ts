import { type EventConsumer, Topics } from '@clinigraph/kit';
import { applyDispense } from './services/dispensing.ts';
import { openFromCheckIn } from './services/encounters.ts';
import { carePatientMerge } from './services/patient-merge.ts';

/** The event log readers care runs: check-in opens an encounter; a dispense updates the prescription; a patient merge re-points the record. */
export const careConsumers: EventConsumer[] = [
  { name: 'care.open-encounter-on-check-in', topics: [Topics.appointmentCheckedIn], handle: (event, { tx, audit }) => openFromCheckIn(tx, event, audit) },
  { name: 'care.prescription-dispensed', topics: [Topics.stockDispensed], handle: (event, { tx, audit }) => applyDispense(tx, event, audit) },
  carePatientMerge,
];
