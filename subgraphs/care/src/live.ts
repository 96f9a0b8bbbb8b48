import { type EventRow, forbidden, type Identity, Topics } from '@clinigraph/kit';

/**
 * Care's live fields, in the shape the gateway's live module takes (gateway/src/live/fields.ts
 * LiveField): the gateway adds them to its `liveFields`. A doctor receives the critical results of
 * the tests they ordered; an admin receives all; nobody else may subscribe.
 */
export const careLiveFields = [
  {
    field: 'criticalLabResults',
    resolveWith: 'criticalLabResultEvent',
    topics: [Topics.labResultCritical],
    authorize(_args: Record<string, unknown>, { identity }: { identity: Identity; token: string }): (event: EventRow) => boolean {
      if (identity.roles.includes('admin')) return () => true;
      if (!identity.roles.includes('doctor') || !identity.providerId) throw forbidden('Critical results go to the ordering doctor');
      const providerId = identity.providerId;
      return (e) => e.providerId === providerId;
    },
  },
];
