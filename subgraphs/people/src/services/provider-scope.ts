import { facilityScope, type Identity } from '@clinigraph/kit';
import { exists, inArray, not, or, type SQL, sql } from 'drizzle-orm';
import { provider, providerFacility } from '../db/schema.ts';

/**
 * Facility scoping of providers: staff confined to facilities see the providers who work at one of them.
 * A provider of no facility yet (a profile being set up) is everyone's who may read providers, as a record
 * of no facility is in the kit's `inFacilityScope`; giving it a facility places it. Patients choose whom
 * to book across the network and are not confined.
 */
export function providerScopeCondition(identity: Identity | null): SQL | undefined {
  const scope = facilityScope(identity);
  if (scope === null) return undefined;
  const placed = sql`(select 1 from ${providerFacility} where ${providerFacility.providerId} = ${provider.id})`;
  if (!scope.length) return not(exists(placed));
  return or(
    not(exists(placed)),
    exists(
      sql`(select 1 from ${providerFacility} where ${providerFacility.providerId} = ${provider.id} and ${inArray(providerFacility.facilityId, [...scope])})`,
    ),
  );
}
