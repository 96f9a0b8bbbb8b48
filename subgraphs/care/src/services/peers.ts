import { AppError, type Context, type EntitiesAnswer, ErrorCode, fetchEntities, serviceUrl, unauthenticated } from '@clinigraph/kit';

const unavailable = (service: string, purpose: string) =>
  new AppError(ErrorCode.INVALID_STATE, `${purpose} could not run: the ${service} service did not answer. Nothing was changed; try again.`, {
    rule: 'SAFETY_DATA_UNAVAILABLE',
    service,
  });

/**
 * Reads entities another subgraph owns through its own `_entities`, as the caller (the caller's token
 * goes along, so the owner's authorisation and audit apply). Used only where a safety check needs the
 * owner's current truth at the moment of a write; it fails closed: no answer, no write.
 * Entities the owner reports NOT_FOUND come back as null.
 */
export async function peerEntities<T>(
  ctx: Context,
  service: string,
  typename: string,
  ids: string[],
  selection: string,
  purpose: string,
): Promise<(T | null)[]> {
  if (!ctx.token) throw unauthenticated();
  if (ids.length === 0) return [];
  let answer: EntitiesAnswer<T>;
  try {
    answer = await fetchEntities<T>(serviceUrl(service), ctx.token, typename, ids, selection, {
      requestId: ctx.requestId,
      call: { from: ctx.service, to: service, ip: ctx.ip },
    });
  } catch (err) {
    ctx.log.warn({ err, service }, 'peer read failed');
    throw unavailable(service, purpose);
  }
  const hard = answer.errors.filter((e) => e.extensions?.code !== 'NOT_FOUND');
  if (hard.length || !answer.entities) {
    ctx.log.warn({ service, errors: answer.errors }, 'peer read returned errors');
    throw unavailable(service, purpose);
  }
  return answer.entities;
}

export interface PatientAllergy {
  substance: string;
  severity: 'mild' | 'moderate' | 'severe' | 'life_threatening';
}

const severities = { MILD: 'mild', MODERATE: 'moderate', SEVERE: 'severe', LIFE_THREATENING: 'life_threatening' } as const;

/** The patient's recorded allergies, from people (the only place they are kept). */
export async function patientAllergies(ctx: Context, patientId: string): Promise<PatientAllergy[]> {
  const [patient] = await peerEntities<{ allergies: { substance: string; severity: keyof typeof severities }[] }>(
    ctx,
    'people',
    'Patient',
    [patientId],
    'allergies { substance severity }',
    'The allergy check',
  );
  if (!patient) throw unavailable('people', 'The allergy check');
  return patient.allergies.map((a) => ({ substance: a.substance, severity: severities[a.severity] ?? 'severe' }));
}

export interface CatalogueMedicine {
  id: string;
  name: string;
  kind: string;
  genericName: string | null;
  form: string | null;
  strength: string | null;
}

/** Medicines from supply's catalogue, by id (null for an id supply does not know). */
export async function catalogueMedicines(ctx: Context, ids: string[]): Promise<(CatalogueMedicine | null)[]> {
  return peerEntities<CatalogueMedicine>(ctx, 'supply', 'Item', ids, 'id name kind genericName form strength', 'The medicine lookup');
}

export interface PatientCard {
  displayName: string;
  dateOfBirth: string;
  mrn: string;
}

export interface ProviderCard {
  displayName: string;
  qualifications: string[];
}

/** Names for a printed document: the patient from people as the caller (so people's rules apply). */
export async function patientCard(ctx: Context, id: string): Promise<PatientCard> {
  const [card] = await peerEntities<PatientCard>(ctx, 'people', 'Patient', [id], 'displayName dateOfBirth mrn', 'Printing');
  if (!card) throw unavailable('people', 'Printing');
  return card;
}

export async function providerCard(ctx: Context, id: string): Promise<ProviderCard> {
  const [card] = await peerEntities<ProviderCard>(ctx, 'people', 'Provider', [id], 'displayName qualifications', 'Printing');
  return card ?? { displayName: 'Unknown clinician', qualifications: [] };
}
