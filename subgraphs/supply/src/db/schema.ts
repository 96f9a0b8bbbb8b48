export * from './catalogue.ts';
export * from './equipment.ts';
export * from './facilities.ts';
export * from './idempotency.ts';
export * from './merges.ts';
export { supply } from './namespace.ts';
export * from './purchasing.ts';
export * from './stock.ts';
