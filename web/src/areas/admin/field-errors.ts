import type { CombinedError } from '@urql/core';
import { describeError } from '../../lib/errors.ts';

/**
 * What to show next to each field of a form: the form's own check first, then the API's
 * BAD_USER_INPUT issue for that field (describeError keys issues by their last path segment).
 */
export function fieldErrors(local: () => Record<string, string>, ...states: { error?: CombinedError }[]) {
  return (name: string): string | undefined => {
    const own = local()[name];
    if (own) return own;
    for (const state of states) {
      const fromApi = describeError(state.error)?.fields[name];
      if (fromApi) return fromApi;
    }
    return undefined;
  };
}

/** Whether the runtime knows an IANA time-zone name such as Europe/Berlin. */
export function isTimeZone(value: string): boolean {
  if (!/^[A-Za-z]+(\/[A-Za-z0-9_+-]+)*$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The text of an optional field as the API wants it: trimmed, or null when empty. */
export const orNull = (value: string): string | null => value.trim() || null;
