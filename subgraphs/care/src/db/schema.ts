export * from './care.ts';
export * from './encounter.ts';
export * from './labs.ts';
export * from './merges.ts';
export * from './notes.ts';
export * from './prescriptions.ts';
export * from './records.ts';
