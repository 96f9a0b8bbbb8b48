import { type Context, readPeerEntities } from '@clinigraph/kit';
import type { NamedPatient } from './report-csv.ts';

const PURPOSE = 'This export';

/** Provider id → name, from people (the owner), as the caller. Fails closed: an export never falls back to ids. */
export async function providerNames(ctx: Context, ids: string[]): Promise<Map<string, string>> {
  const found = await readPeerEntities<{ id: string; displayName: string }>(ctx, 'people', 'Provider', ids, 'id displayName', PURPOSE);
  return new Map(found.filter((p) => p !== null).map((p) => [p.id, p.displayName]));
}

/** Patient id → name and MRN, from people, as the caller (people audits the read). */
export async function patientNames(ctx: Context, ids: string[]): Promise<Map<string, NamedPatient>> {
  const found = await readPeerEntities<{ id: string; givenName: string; familyName: string; mrn: string }>(
    ctx,
    'people',
    'Patient',
    ids,
    'id givenName familyName mrn',
    PURPOSE,
  );
  return new Map(found.filter((p) => p !== null).map((p) => [p.id, { name: `${p.givenName} ${p.familyName}`, mrn: p.mrn }]));
}
