import { facilityReference, patientReference, providerReference } from '@clinigraph/kit';
import { builder } from '../builder.ts';

/** Entities other subgraphs own, defined once for the whole finance schema. */
export const PatientRef = patientReference(builder);
export const ProviderRef = providerReference(builder);
export const FacilityRef = facilityReference(builder);

export const patientOf = (patientId: string) => ({ id: patientId });
export const providerOf = (providerId: string | null) => (providerId ? { id: providerId } : null);
export const facilityOf = (facilityId: string | null) => (facilityId ? { id: facilityId } : null);
