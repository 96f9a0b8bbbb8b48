import { can, type EventRow, forbidden, type LiveField, Topics } from '@clinigraph/kit';
import { encounterFeedProvider } from './services/access.ts';

const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
const atFacility = (args: Record<string, unknown>) => {
  const facilityId = str(args.facilityId);
  return (e: EventRow) => !facilityId || e.facilityId === facilityId;
};

/** `criticalLabResults`: every critical result (`lab.critical.follow-all`), or those of the tests one ordered (`lab.critical.inbox`); nobody else may subscribe. */
export const criticalLabResults: LiveField = {
  field: 'criticalLabResults',
  resolveWith: 'criticalLabResultEvent',
  topics: [Topics.labResultCritical],
  authorize(_args, { identity }) {
    if (can(identity, 'lab.critical.follow-all')) return () => true;
    if (!can(identity, 'lab.critical.inbox') || !identity.providerId) throw forbidden('Critical results go to the ordering doctor');
    const providerId = identity.providerId;
    return (e) => e.providerId === providerId;
  },
};

/** `prescriptionFinalised`: the dispense queue's feed, for the staff who may read the queue. */
export const prescriptionFinalised: LiveField = {
  field: 'prescriptionFinalised',
  resolveWith: 'prescriptionFinalisedEvent',
  topics: [Topics.prescriptionFinalised],
  authorize(args, { identity }) {
    if (!can(identity, 'prescription.read')) throw forbidden('The dispense queue is for pharmacy and clinical staff');
    return atFacility(args);
  },
};

/** `labOrderChanged`: the lab worklist's feed, for the staff who may read the worklist. */
export const labOrderChanged: LiveField = {
  field: 'labOrderChanged',
  resolveWith: 'labOrderEvent',
  topics: [Topics.labOrderChanged],
  authorize(args, { identity }) {
    if (!can(identity, 'lab.read')) throw forbidden('The lab worklist is for lab and clinical staff');
    return atFacility(args);
  },
};

/** `encounterChanged`: a doctor's waiting list follows their own encounters (`encounter.feed.own`); nurses and admins follow all (`encounter.feed.all`); nobody else may subscribe. */
export const encounterChanged: LiveField = {
  field: 'encounterChanged',
  resolveWith: 'encounterEvent',
  topics: [Topics.encounterChanged],
  authorize(_args, { identity }) {
    const providerId = encounterFeedProvider(identity);
    return (e) => !providerId || e.providerId === providerId;
  },
};

/** Care's subscriptions (declared in schema/live.ts, lab-live.ts, prescription-live.ts and encounter-live.ts), served by the gateway's live module. */
export const careLiveFields: LiveField[] = [criticalLabResults, prescriptionFinalised, labOrderChanged, encounterChanged];
