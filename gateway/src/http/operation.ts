import { type DocumentNode, Kind, parse, type SelectionSetNode } from 'graphql';

/** Root fields that sign in or mint credentials: brute-force targets, so they get the strict rate limit. */
export const SENSITIVE_ROOT_FIELDS: ReadonlySet<string> = new Set([
  'login',
  'completeMfaSignIn',
  'confirmMfaEnrolment',
  'disableMfa',
  'registerPatient',
  'refreshSession',
  'requestPasswordReset',
  'resetPassword',
  'changePassword',
]);

function rootFieldsOf(selectionSet: SelectionSetNode, doc: DocumentNode, seen: Set<string>, out: string[]): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) out.push(selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) rootFieldsOf(selection.selectionSet, doc, seen, out);
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = doc.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value);
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION) rootFieldsOf(fragment.selectionSet, doc, seen, out);
    }
  }
}

/**
 * The root fields of every operation in a request body, fragments and aliases resolved, one entry per
 * occurrence. Returns [] for a body that does not parse; Apollo Server rejects that one itself.
 */
export function requestedRootFields(body: unknown): string[] {
  const query = typeof body === 'object' && body !== null ? (body as { query?: unknown }).query : undefined;
  if (typeof query !== 'string') return [];
  let doc: DocumentNode;
  try {
    doc = parse(query, { noLocation: true, maxTokens: 5000 });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const def of doc.definitions) if (def.kind === Kind.OPERATION_DEFINITION) rootFieldsOf(def.selectionSet, doc, new Set(), out);
  return out;
}

/** How many sign-in style fields the request asks for; a cheap text check spares parsing ordinary queries. */
export function sensitiveFieldCount(body: unknown): number {
  const query = typeof body === 'object' && body !== null ? (body as { query?: unknown }).query : undefined;
  if (typeof query !== 'string' || ![...SENSITIVE_ROOT_FIELDS].some((f) => query.includes(f))) return 0;
  return requestedRootFields(body).filter((f) => SENSITIVE_ROOT_FIELDS.has(f)).length;
}
