export * from './definition.ts';
export * from './due.ts';
export * from './queue.ts';
export * from './records.ts';
export * from './runner.ts';
