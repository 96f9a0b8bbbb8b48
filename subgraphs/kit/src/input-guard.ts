import type { ApolloServerPlugin } from '@apollo/server';
import { type ASTNode, type DocumentNode, Kind, visit } from 'graphql';
import { badInput } from './errors.ts';

const NUL = '\u0000';
/** Half of a UTF-16 surrogate pair without its other half: not a character, and not storable as UTF-8 text or jsonb. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

interface InputProblem {
  path: string;
  message: string;
}

/** The longest list any argument may hold: far above what a screen sends, far below what would stall a resolver. */
export const MAX_LIST_ITEMS = 1_000;

/** What makes a string unstorable, if anything. */
function problemOf(value: string): string | null {
  if (value.includes(NUL)) return 'must not contain a NUL character';
  if (loneSurrogate.test(value)) return 'must be valid Unicode text';
  return null;
}

function problemsInValue(value: unknown, path: string, out: InputProblem[]): void {
  if (typeof value === 'string') {
    const message = problemOf(value);
    if (message) out.push({ path, message });
  } else if (Array.isArray(value)) {
    if (value.length > MAX_LIST_ITEMS) out.push({ path, message: `must have at most ${MAX_LIST_ITEMS.toLocaleString('en')} items` });
    else for (const [i, item] of value.entries()) problemsInValue(item, `${path}.${i}`, out);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) problemsInValue(item, `${path}.${key}`, out);
  }
}

function problemsInDocument(document: DocumentNode, out: InputProblem[]): void {
  visit(document, {
    StringValue(node, _key, parent, _path, ancestors) {
      const message = problemOf(node.value);
      if (!message) return;
      const names = ([...ancestors, parent] as readonly (ASTNode | readonly ASTNode[] | undefined)[])
        .filter((a): a is ASTNode => !!a && !Array.isArray(a) && 'kind' in a && (a.kind === Kind.ARGUMENT || a.kind === Kind.OBJECT_FIELD))
        .map((a) => (a.kind === Kind.ARGUMENT || a.kind === Kind.OBJECT_FIELD ? a.name.value : ''));
      out.push({ path: names.join('.') || 'a string', message });
    },
  });
}

function listsInDocument(document: DocumentNode, out: InputProblem[]): void {
  visit(document, {
    ListValue(node) {
      if (node.values.length > MAX_LIST_ITEMS) out.push({ path: 'a list', message: `must have at most ${MAX_LIST_ITEMS.toLocaleString('en')} items` });
    },
  });
}

/**
 * Before a resolver runs, refuses any string argument holding a NUL character or a lone UTF-16 surrogate
 * (PostgreSQL cannot store either, in text, jsonb or the audit trail, so it would fail deep in a query),
 * and any list longer than MAX_LIST_ITEMS (10,000 ids would stall a resolver). One rule for every field,
 * hence a plugin, not a zod schema per field.
 */
export const nulCharacterGuard: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document }) {
        const issues: InputProblem[] = [];
        problemsInDocument(document, issues);
        listsInDocument(document, issues);
        for (const [name, value] of Object.entries(request.variables ?? {})) problemsInValue(value, name, issues);
        if (!issues.length) return;
        const error = badInput(issues.map((i) => `${i.path} ${i.message}`).join('; '), issues);
        // A client error, answered like a resolver's BAD_USER_INPUT (HTTP 200) so the gateway passes it on.
        Object.assign(error.extensions, { http: { status: 200 } });
        throw error;
      },
      // A variable its type refuses (a DateTime of "yesterday", an Int of 2^31) gets HTTP 400 from Apollo, which
      // the gateway reads as the subgraph failing: answered 200 like any BAD_USER_INPUT, the refusal reaches the caller.
      async willSendResponse({ response }) {
        const { body, http } = response;
        if (http.status !== 400 || body.kind !== 'single' || body.singleResult.data !== undefined) return;
        if (body.singleResult.errors?.every((e) => e.extensions?.code === 'BAD_USER_INPUT')) http.status = 200;
      },
    };
  },
};
