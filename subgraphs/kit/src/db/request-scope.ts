import { AsyncLocalStorage } from 'node:async_hooks';

/** Per-request counters, carried through async calls so the database layer can count SQL per request. */
export interface RequestScope {
  sqlCount: number;
}

export const requestScope = new AsyncLocalStorage<RequestScope>();

/** One SQL statement a request ran, as the driver received it. */
export interface Statement {
  sql: string;
  params: unknown[];
}

const statementWatchers = new Set<(statement: Statement) => void>();

/**
 * Calls `watch` with every statement a request runs from now on, until the returned function is called.
 * For tests and checks only (the index-plan check EXPLAINs what a screen really sends).
 */
export function watchRequestStatements(watch: (statement: Statement) => void): () => void {
  statementWatchers.add(watch);
  return () => statementWatchers.delete(watch);
}

export function countQuery(sql: string, params: unknown[]): void {
  const scope = requestScope.getStore();
  if (!scope) return;
  scope.sqlCount++;
  for (const watch of statementWatchers) watch({ sql, params });
}
