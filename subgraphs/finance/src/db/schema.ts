export * from './base.ts';
export * from './billing.ts';
export * from './catalogue.ts';
export * from './idempotency.ts';
export * from './insurance.ts';
export * from './merges.ts';
export * from './payments.ts';
