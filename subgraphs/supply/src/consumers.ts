import { type EventConsumer, Topics } from '@clinigraph/kit';
import { recordFacilityZone } from './services/facility-zones.ts';
import { supplyPatientMerge } from './services/patient-merge.ts';

/** The event-log readers supply runs (see kit/src/consumers.ts). */
export const supplyConsumers: EventConsumer[] = [
  { name: 'supply.facility-zones', topics: [Topics.facilityChanged], handle: (event, { tx }) => recordFacilityZone(tx, event) },
  supplyPatientMerge,
];
