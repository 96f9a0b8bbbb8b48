import { patientMergeTable } from '@clinigraph/kit/patient-merge';
import { finance } from './base.ts';

/** Patient merges finance has applied (kit/src/patient-merge.ts); the ledger and invoice-lock triggers let exactly these re-pointings through. */
export const patientMerge = patientMergeTable(finance);
