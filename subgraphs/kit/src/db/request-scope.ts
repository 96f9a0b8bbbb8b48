import { AsyncLocalStorage } from 'node:async_hooks';

/** Per-request counters, carried through async calls so the database layer can count SQL per request. */
export interface RequestScope {
  sqlCount: number;
}

export const requestScope = new AsyncLocalStorage<RequestScope>();

export function countQuery(): void {
  const scope = requestScope.getStore();
  if (scope) scope.sqlCount++;
}
