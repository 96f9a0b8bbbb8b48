import { type Context, type Issuer, readPeerEntities, type Subject } from '@clinigraph/kit';
import { eq } from 'drizzle-orm';
import { billingFacility } from '../db/schema.ts';

/** Who a finance handout is from and about, and the names and zone its lines are printed with. */
export interface HandoutParties {
  issuer: Issuer;
  subject: Subject;
  /** Provider id → the name printed on a line. */
  providers: Map<string, string>;
  /** The facility's zone: every time on the handout is printed in it. */
  timeZone: string;
}

interface PeoplePatient {
  givenName: string;
  familyName: string;
  mrn: string;
  dateOfBirth: string;
}
interface PeopleFacility {
  name: string;
  address: string | null;
  phone: string | null;
  timezone: string;
}
interface PeopleProvider {
  id: string;
  displayName: string;
}

const PURPOSE = 'Printing this document';

/**
 * The patient, facility and providers of an invoice or receipt, from people (which owns them), read as the
 * caller so people's own rules decide; the tax number and zone from finance's billing settings. Fails
 * closed: a handout is never printed with a UUID where a name belongs.
 */
export async function handoutParties(
  ctx: Context,
  who: { patientId: string; facilityId: string | null; providerIds?: (string | null)[] },
): Promise<HandoutParties> {
  const providerIds = [...new Set((who.providerIds ?? []).filter((p): p is string => !!p))];
  const [[patient], [facility], providers, [billing]] = await Promise.all([
    readPeerEntities<PeoplePatient>(ctx, 'people', 'Patient', [who.patientId], 'givenName familyName mrn dateOfBirth', PURPOSE),
    who.facilityId ? readPeerEntities<PeopleFacility>(ctx, 'people', 'Facility', [who.facilityId], 'name address phone timezone', PURPOSE) : [null],
    readPeerEntities<PeopleProvider>(ctx, 'people', 'Provider', providerIds, 'id displayName', PURPOSE),
    who.facilityId ? ctx.db.select().from(billingFacility).where(eq(billingFacility.facilityId, who.facilityId)) : [],
  ]);
  return {
    issuer: {
      name: facility?.name ?? 'Clinigraph',
      address: facility?.address,
      phone: facility?.phone,
      registration: billing?.taxNumber ? `Tax no. ${billing.taxNumber}` : null,
    },
    subject: patient
      ? { name: `${patient.givenName} ${patient.familyName}`, mrn: patient.mrn, dateOfBirth: patient.dateOfBirth }
      : { name: 'Patient record not available' },
    providers: new Map(providers.filter((p): p is PeopleProvider => !!p).map((p) => [p.id, p.displayName])),
    timeZone: billing?.timeZone ?? facility?.timezone ?? 'UTC',
  };
}
