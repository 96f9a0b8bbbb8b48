export * from './client.ts';
export * from './database.ts';
export * from './logs.ts';
export * from './mail.ts';
export * from './pdf.ts';
export * from './plans.ts';
export * from './subgraph.ts';
