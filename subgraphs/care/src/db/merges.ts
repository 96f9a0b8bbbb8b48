import { patientMergeTable } from '@clinigraph/kit/patient-merge';
import { care } from './care.ts';

/** Patient merges care has applied (kit/src/patient-merge.ts). */
export const patientMerge = patientMergeTable(care);
