export * from './definition.ts';
export * from './due.ts';
export * from './runner.ts';
