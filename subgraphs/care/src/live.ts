import { type EventRow, forbidden, type Identity, type LiveField, type Role, Topics } from '@clinigraph/kit';
import { dispenseQueueRoles, encounterFeedProvider, labWorklistRoles } from './services/access.ts';

const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
/** As kit's requireRole: one of these roles, or admin. Patients hold neither. */
const holdsRole = (identity: Identity, roles: Role[]) => identity.roles.some((r) => r === 'admin' || roles.includes(r));
const atFacility = (args: Record<string, unknown>) => {
  const facilityId = str(args.facilityId);
  return (e: EventRow) => !facilityId || e.facilityId === facilityId;
};

/** `criticalLabResults`: a doctor receives the critical results of the tests they ordered; an admin receives all; nobody else may subscribe. */
export const criticalLabResults: LiveField = {
  field: 'criticalLabResults',
  resolveWith: 'criticalLabResultEvent',
  topics: [Topics.labResultCritical],
  authorize(_args, { identity }) {
    if (identity.roles.includes('admin')) return () => true;
    if (!identity.roles.includes('doctor') || !identity.providerId) throw forbidden('Critical results go to the ordering doctor');
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
    if (!holdsRole(identity, dispenseQueueRoles)) throw forbidden('The dispense queue is for pharmacy and clinical staff');
    return atFacility(args);
  },
};

/** `labOrderChanged`: the lab worklist's feed, for the staff who may read the worklist. */
export const labOrderChanged: LiveField = {
  field: 'labOrderChanged',
  resolveWith: 'labOrderEvent',
  topics: [Topics.labOrderChanged],
  authorize(args, { identity }) {
    if (!holdsRole(identity, labWorklistRoles)) throw forbidden('The lab worklist is for lab and clinical staff');
    return atFacility(args);
  },
};

/** `encounterChanged`: a doctor's waiting list follows their own encounters; nurses and admins follow all; nobody else may subscribe. */
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
