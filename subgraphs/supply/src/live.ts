import { assertFacilityAccess, can, type EventRow, forbidden, type Identity, inFacilityScope, type LiveField, Topics } from '@clinigraph/kit';

const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
const payloadString = (e: EventRow, key: string) => str((e.payload as Record<string, unknown>)[key]);

function staffOnly(identity: Identity): void {
  if (!can(identity, 'stock.read')) throw forbidden('Stock updates are for staff');
}

/**
 * The facility a subscriber narrows to must be one of theirs (another is NOT_FOUND, as in queries), and
 * they follow only their facilities' events: the gateway drops the others too, and `stockEvent`
 * refuses them again when it resolves one.
 */
function inFacilities(identity: Identity, facilityId: string | null): (e: EventRow) => boolean {
  if (facilityId) assertFacilityAccess({ identity }, facilityId, 'Facility');
  return (e) => inFacilityScope(identity, e.facilityId) && (!facilityId || e.facilityId === facilityId);
}

/** `stockChanged`: balance changes, narrowed by facility, location and/or item. */
export const stockChanged: LiveField = {
  field: 'stockChanged',
  resolveWith: 'stockEvent',
  topics: [Topics.stockChanged],
  authorize(args, { identity }) {
    staffOnly(identity);
    const facilityId = str(args.facilityId);
    const locationId = str(args.locationId);
    const itemId = str(args.itemId);
    const facilities = inFacilities(identity, facilityId);
    return (e) => facilities(e) && (!locationId || payloadString(e, 'locationId') === locationId) && (!itemId || e.entityId === itemId);
  },
};

/** `stockAlerts`: low-stock and expiry alerts, narrowed by facility and/or item. */
export const stockAlerts: LiveField = {
  field: 'stockAlerts',
  resolveWith: 'stockEvent',
  topics: [Topics.stockLow, Topics.stockExpiring],
  authorize(args, { identity }) {
    staffOnly(identity);
    const facilityId = str(args.facilityId);
    const itemId = str(args.itemId);
    const facilities = inFacilities(identity, facilityId);
    return (e) => facilities(e) && (!itemId || payloadString(e, 'itemId') === itemId);
  },
};

/**
 * Supply's live subscriptions, listed in its SubgraphModule's `liveFields`. Each maps a Subscription
 * field declared in supply's schema (schema/live.ts) to event topics and a per-subscriber filter;
 * every event that passes is then resolved through `stockEvent(id)` with the subscriber's identity, so
 * supply's authorisation and federated fields apply to live payloads exactly as to queries.
 */
export const supplyLiveFields: LiveField[] = [stockChanged, stockAlerts];
