import type { ObjectRef } from '@pothos/core';
import { z } from 'zod';
import type { Builder, BuilderTypes } from './builder.ts';
import { badInput } from './errors.ts';

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export const MAX_PAGE_SIZE = 100;

export function encodeCursor(parts: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

const cursorShape = z
  .array(z.union([z.string(), z.number()]))
  .min(1)
  .max(4);

/** Decodes a cursor made by encodeCursor; `parts`, when given, is how many key parts it must have. */
export function decodeCursor(cursor: string | null | undefined, parts?: number): (string | number)[] | null {
  if (!cursor) return null;
  let decoded: (string | number)[];
  try {
    decoded = cursorShape.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw badInput('Invalid cursor');
  }
  if (parts !== undefined && decoded.length !== parts) throw badInput('Invalid cursor');
  return decoded;
}

export function pageSize(first: number | null | undefined, fallback = 20): number {
  const n = first ?? fallback;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE_SIZE) throw badInput(`first must be between 1 and ${MAX_PAGE_SIZE}`);
  return n;
}

/** Builds a page from rows fetched with limit first + 1 (the extra row says there is a next page). */
export function toPage<T>(rows: T[], first: number, cursorOf: (row: T) => (string | number)[]): Page<T> {
  const slice = rows.slice(0, first);
  const edges = slice.map((node) => ({ cursor: encodeCursor(cursorOf(node)), node }));
  return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
}

const pageInfoRefs = new WeakMap<Builder, ObjectRef<BuilderTypes, Page<unknown>['pageInfo']>>();

function pageInfoRef(builder: Builder) {
  let ref = pageInfoRefs.get(builder);
  if (!ref) {
    ref = builder.objectRef<Page<unknown>['pageInfo']>('PageInfo').implement({
      shareable: true,
      fields: (t) => ({
        hasNextPage: t.exposeBoolean('hasNextPage'),
        endCursor: t.exposeString('endCursor', { nullable: true }),
      }),
    });
    pageInfoRefs.set(builder, ref);
  }
  return ref;
}

/** A cursor connection type (`<Name>Connection` with edges, nodes and pageInfo) for a node type. */
export function connectionType<T>(builder: Builder, name: string, node: ObjectRef<BuilderTypes, T>) {
  const edge = builder.objectRef<Page<T>['edges'][number]>(`${name}Edge`).implement({
    fields: (t) => ({
      cursor: t.exposeString('cursor'),
      node: t.field({ type: node, resolve: (e) => e.node as never }),
    }),
  });
  const pageInfo = pageInfoRef(builder);
  return builder.objectRef<Page<T>>(`${name}Connection`).implement({
    fields: (t) => ({
      edges: t.field({ type: [edge], resolve: (p) => p.edges }),
      nodes: t.field({ type: [node], resolve: (p) => p.edges.map((e) => e.node) as never }),
      pageInfo: t.field({ type: pageInfo, resolve: (p) => p.pageInfo }),
    }),
  });
}
