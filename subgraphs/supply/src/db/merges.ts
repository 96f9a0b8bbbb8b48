import { patientMergeTable } from '@clinigraph/kit/patient-merge';
import { supply } from './namespace.ts';

/** Patient merges supply has applied (kit/src/patient-merge.ts); the ledger's trigger lets exactly these re-pointings through. */
export const patientMerge = patientMergeTable(supply);
