import { facilityReference, patientReference } from '@clinigraph/kit';
import { builder } from '../builder.ts';

/** Entities other subgraphs own, referenced by id: people resolves them with its own authorisation. */
export const Facility = facilityReference(builder);
export const Patient = patientReference(builder);
