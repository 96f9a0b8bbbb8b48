import type { CombinedError } from '@urql/core';

export interface Problem {
  code: string;
  /** A sentence for the person at the screen. */
  message: string;
  /** Field name → what is wrong with it, from BAD_USER_INPUT issues. */
  fields: Record<string, string>;
}

const FRIENDLY: Record<string, string> = {
  SLOT_TAKEN: 'Someone just booked this time — pick another.',
  INSUFFICIENT_STOCK: 'There is not enough stock to fill this. Nothing was taken from the shelf.',
  FORBIDDEN: 'You are not allowed to do this.',
  NOT_FOUND: 'We could not find that. It may have been removed, or it is not yours to see.',
  UNAUTHENTICATED: 'Your session has ended. Please sign in again.',
  TOO_MANY_REQUESTS: 'Too many attempts. Wait a moment and try again.',
  CONFLICT: 'Someone else changed this at the same time. Reload it and try again.',
  INTERNAL_SERVER_ERROR: 'Something went wrong on our side. Please try again.',
};

const fieldName = (path: string) =>
  path
    .split('.')
    .filter((p) => !/^\d+$/.test(p) && p !== 'input')
    .pop() ?? path;

/** Turns an urql error into plain words: the API's typed error code decides what to say. */
export function describeError(error: CombinedError | undefined | null): Problem | null {
  if (!error) return null;
  if (error.networkError && !error.graphQLErrors.length)
    return { code: 'NETWORK', message: 'Cannot reach Clinigraph. Check your connection and try again.', fields: {} };
  const first = error.graphQLErrors[0];
  const code = String(first?.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  const issues = (first?.extensions?.issues as { path: string; message: string }[] | undefined) ?? [];
  const fields = Object.fromEntries(issues.filter((i) => i.path).map((i) => [fieldName(i.path), i.message]));
  const friendly = FRIENDLY[code];
  const apiMessage = first?.message ?? '';
  const message =
    code === 'BAD_USER_INPUT'
      ? issues.length
        ? 'Please correct the fields marked below.'
        : apiMessage || 'Please check what you entered.'
      : code === 'INSUFFICIENT_STOCK'
        ? `${FRIENDLY.INSUFFICIENT_STOCK} ${apiMessage}`.trim()
        : code === 'INVALID_STATE' || code === 'CONFLICT'
          ? apiMessage || FRIENDLY.CONFLICT!
          : (friendly ?? (apiMessage || 'Something went wrong. Please try again.'));
  return { code, message, fields };
}

/** The list of findings an INVALID_STATE error carries (e.g. prescription safety checks). */
export const findingsOf = <T>(error: CombinedError | undefined | null): T[] => (error?.graphQLErrors[0]?.extensions?.findings as T[] | undefined) ?? [];

/** The rule an INVALID_STATE error names (e.g. ACKNOWLEDGEMENT_REQUIRED). */
export const ruleOf = (error: CombinedError | undefined | null): string | null => (error?.graphQLErrors[0]?.extensions?.rule as string | undefined) ?? null;
