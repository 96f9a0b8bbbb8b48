export * from './csv.ts';
export * from './handout.ts';
export * from './local-time.ts';
export * from './render.ts';
