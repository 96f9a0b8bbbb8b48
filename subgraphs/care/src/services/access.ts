import { type Capability, type Context, can, forbidden, type Identity, isOwnRecordOnly, notFound, requireCapability, requireIdentity } from '@clinigraph/kit';

/** The parts of the chart, each with the capability that reads it for any patient. */
export type ChartArea =
  | 'encounter'
  | 'vitals'
  | 'notes'
  | 'diagnoses'
  | 'prescriptions'
  | 'labs'
  | 'radiology'
  | 'certificates'
  | 'dental'
  | 'referrals'
  | 'documents';

const areaReader: Record<ChartArea, Capability> = {
  encounter: 'encounter.read',
  vitals: 'clinical.read',
  notes: 'clinical.read',
  diagnoses: 'diagnosis.read',
  prescriptions: 'prescription.read',
  labs: 'lab.read',
  radiology: 'clinical.read',
  certificates: 'certificate.read',
  dental: 'clinical.read',
  referrals: 'referral.read',
  documents: 'clinical.read',
};

/** What a patient may read of their own chart (`own.read`); everything else of it is never theirs to see. */
const patientReadable = new Set<ChartArea>(['encounter', 'vitals', 'diagnoses', 'prescriptions', 'labs', 'radiology', 'certificates', 'documents']);

/**
 * Read access to one patient's chart area. Another patient's record is NOT_FOUND, exactly as a
 * missing one; a member of staff without the area's capability is FORBIDDEN.
 */
export function assertChartRead(ctx: Context, area: ChartArea, patientId: string, what: string): Identity {
  const identity = requireIdentity(ctx);
  if (!can(identity, 'patient.read')) {
    if (!can(identity, 'own.read') || identity.patientId !== patientId) throw notFound(what);
    if (!patientReadable.has(area)) throw forbidden(`Patients cannot read ${what.toLowerCase()} records`);
    return identity;
  }
  return requireCapability(ctx, areaReader[area]);
}

/** True for a patient reading their own chart (they see released/finalised things only). */
export const isPatientCaller = (ctx: Context): boolean => isOwnRecordOnly(ctx.identity);

/** The caller's provider record, required for acts that are signed by a clinician. */
export function callerProviderId(identity: Identity): string {
  if (!identity.providerId) throw forbidden('Only a clinician with a provider record can do this');
  return identity.providerId;
}

/**
 * Whose encounters a clinician follows live (`encounterChanged`): every encounter (`encounter.feed.all`),
 * or only those of their own provider record (`encounter.feed.own`, returned); anyone else is FORBIDDEN.
 */
export function encounterFeedProvider(identity: Identity): string | null {
  if (can(identity, 'encounter.feed.all')) return null;
  if (!can(identity, 'encounter.feed.own') || !identity.providerId) throw forbidden('The encounter feed is for clinicians with a provider record');
  return identity.providerId;
}
