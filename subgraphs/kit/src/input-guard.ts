import type { ApolloServerPlugin } from '@apollo/server';
import { type ASTNode, type DocumentNode, Kind, visit } from 'graphql';
import { badInput } from './errors.ts';

const NUL = '\u0000';

function nulPathsInValue(value: unknown, path: string, out: string[]): void {
  if (typeof value === 'string') {
    if (value.includes(NUL)) out.push(path);
  } else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) nulPathsInValue(item, `${path}.${i}`, out);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) nulPathsInValue(item, `${path}.${key}`, out);
  }
}

function nulPathsInDocument(document: DocumentNode, out: string[]): void {
  visit(document, {
    StringValue(node, _key, parent, _path, ancestors) {
      if (!node.value.includes(NUL)) return;
      const names = ([...ancestors, parent] as readonly (ASTNode | readonly ASTNode[] | undefined)[])
        .filter((a): a is ASTNode => !!a && !Array.isArray(a) && 'kind' in a && (a.kind === Kind.ARGUMENT || a.kind === Kind.OBJECT_FIELD))
        .map((a) => (a.kind === Kind.ARGUMENT || a.kind === Kind.OBJECT_FIELD ? a.name.value : ''));
      out.push(names.join('.') || 'a string');
    },
  });
}

/**
 * Refuses any string argument holding a NUL character before a resolver runs: PostgreSQL cannot store
 * one, so it would otherwise fail deep in a query. One rule for every field, hence a plugin, not a zod schema per field.
 */
export const nulCharacterGuard: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document }) {
        const paths: string[] = [];
        nulPathsInDocument(document, paths);
        for (const [name, value] of Object.entries(request.variables ?? {})) nulPathsInValue(value, name, paths);
        if (!paths.length) return;
        const issues = paths.map((path) => ({ path, message: 'must not contain a NUL character' }));
        const error = badInput(issues.map((i) => `${i.path} ${i.message}`).join('; '), issues);
        // A client error, answered like a resolver's BAD_USER_INPUT (HTTP 200) so the gateway passes it on.
        Object.assign(error.extensions, { http: { status: 200 } });
        throw error;
      },
    };
  },
};
