import { type Context, forbidden, type Identity, isStaff, notFound, type Role, requireIdentity, requireRole } from '@clinigraph/kit';

/** The parts of the chart, each with who on the staff may read it. */
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

const staffReaders: Record<ChartArea, Role[]> = {
  encounter: ['doctor', 'nurse', 'receptionist', 'billing', 'lab', 'pharmacist'],
  vitals: ['doctor', 'nurse'],
  notes: ['doctor', 'nurse'],
  diagnoses: ['doctor', 'nurse', 'billing'],
  prescriptions: ['doctor', 'nurse', 'pharmacist'],
  labs: ['doctor', 'nurse', 'lab'],
  radiology: ['doctor', 'nurse'],
  certificates: ['doctor', 'nurse', 'receptionist'],
  dental: ['doctor', 'nurse'],
  referrals: ['doctor', 'nurse', 'receptionist'],
  documents: ['doctor', 'nurse'],
};

/** Who works the lab worklist: the `labWorklist` query and its live feed. */
export const labWorklistRoles: Role[] = ['lab', 'nurse', 'doctor'];

/** Who works the dispense queue: the `dispensablePrescriptions` query and its live feed. */
export const dispenseQueueRoles: Role[] = ['pharmacist', 'doctor', 'nurse'];

/** What a patient may read of their own chart; everything else of it is staff-only. */
const patientReadable = new Set<ChartArea>(['encounter', 'vitals', 'diagnoses', 'prescriptions', 'labs', 'radiology', 'certificates', 'documents']);

/**
 * Read access to one patient's chart area. Another patient's record is NOT_FOUND, exactly as a
 * missing one; a staff role without a need for this area is FORBIDDEN.
 */
export function assertChartRead(ctx: Context, area: ChartArea, patientId: string, what: string): Identity {
  const identity = requireIdentity(ctx);
  if (!isStaff(identity)) {
    if (identity.patientId !== patientId) throw notFound(what);
    if (!patientReadable.has(area)) throw forbidden(`Patients cannot read ${what.toLowerCase()} records`);
    return identity;
  }
  requireRole(ctx, ...staffReaders[area]);
  return identity;
}

/** True for a patient reading their own chart (they see released/finalised things only). */
export const isPatientCaller = (ctx: Context): boolean => !!ctx.identity && !isStaff(ctx.identity);

/** Writers of clinical content: doctors (admins always may). */
export const requireDoctor = (ctx: Context): Identity => requireRole(ctx, 'doctor');

/** The caller's provider record, required for acts that are signed by a clinician. */
export function callerProviderId(identity: Identity): string {
  if (!identity.providerId) throw forbidden('Only a clinician with a provider record can do this');
  return identity.providerId;
}

/**
 * Whose encounters a clinician follows live (`encounterChanged`): admins and nurses all, a doctor
 * only those of their own provider record (returned); anyone else is FORBIDDEN.
 */
export function encounterFeedProvider(identity: Identity): string | null {
  if (identity.roles.includes('admin') || identity.roles.includes('nurse')) return null;
  if (!identity.roles.includes('doctor') || !identity.providerId) throw forbidden('The encounter feed is for clinicians with a provider record');
  return identity.providerId;
}
