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
  DUPLICATE_SUSPECTED: 'This patient may already be registered. Open the existing record, or register anyway if it is someone else.',
  MFA_REQUIRED: 'Your role needs two-step sign-in. Set it up under My account → Two-step sign-in, then sign in again.',
  PATIENT_MERGED: 'This record was merged into another patient record. Search for the patient again to open the record kept.',
  INTERNAL_SERVER_ERROR: 'Something went wrong on our side. Please try again.',
};

const fieldName = (path: string) =>
  path
    .replace(/\[\d+\]/g, '')
    .split('.')
    .filter((p) => !/^\d+$/.test(p) && p !== 'input')
    .pop() ?? path;

/** `dateOfBirth` → "Date of birth": a field's API name as the person at the screen would say it. */
export const fieldLabel = (field: string): string => {
  const words = field
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replaceAll('_', ' ')
    .toLowerCase()
    .replace(/\bid\b/g, 'ID');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const sentence = (text: string) => {
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
};

/** One field's problem as a sentence: "Reason must be at most 500 characters." */
export const issueSentence = (field: string, message: string): string => {
  const text = /^[A-Z]/.test(message) ? `${fieldLabel(field)}: ${message}` : `${fieldLabel(field)} ${message}`;
  return /[.!?]$/.test(text) ? text : `${text}.`;
};

/**
 * graphql-js refusing a variable before the API ran (`Variable "$input" got invalid value 99999999999 at
 * "input.quantity"; Int cannot represent non 32-bit signed integer value…`): the field and a phrase.
 */
const COERCION = /^Variable "\$(\w+)" got invalid value .*?(?: at "([^"]+)")?; (.*)$/s;
const COERCION_REASONS: [RegExp, string][] = [
  [/non 32-bit signed integer/, 'is too large a number'],
  [/non-integer/, 'must be a whole number'],
  [/non numeric/, 'must be a number'],
  [/does not exist in ".*" enum/, 'is not one of the choices'],
  [/was not provided|found null/, 'is required'],
];

function coercionIssue(message: string): { field: string; message: string } | null {
  const m = COERCION.exec(message);
  if (!m) return null;
  const missing = /Field "(\w+)" of required type/.exec(m[3] ?? '');
  const field = missing?.[1] ?? fieldName(m[2] ?? m[1] ?? '');
  return { field, message: COERCION_REASONS.find(([pattern]) => pattern.test(m[3] ?? ''))?.[1] ?? 'is not a value we can accept' };
}

/** Turns an urql error into plain words: the API's typed error code decides what to say. */
export function describeError(error: CombinedError | undefined | null): Problem | null {
  if (!error) return null;
  if (error.networkError && !error.graphQLErrors.length)
    return { code: 'NETWORK', message: 'Cannot reach Clinigraph. Check your connection and try again.', fields: {} };
  const first = error.graphQLErrors[0];
  const code = String(first?.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  const coerced = code === 'BAD_USER_INPUT' && !first?.extensions?.issues ? coercionIssue(first?.message ?? '') : null;
  const issues = coerced
    ? [{ path: coerced.field, message: coerced.message }]
    : ((first?.extensions?.issues as { path: string; message: string }[] | undefined) ?? []);
  const fields = Object.fromEntries(issues.filter((i) => i.path).map((i) => [fieldName(i.path), i.message]));
  const friendly = FRIENDLY[code];
  const apiMessage = first?.message ?? '';
  const message =
    code === 'BAD_USER_INPUT'
      ? Object.keys(fields).length
        ? 'Please correct the fields marked below.'
        : sentence(issues.map((i) => i.message).join('; ') || apiMessage || 'Please check what you entered.')
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
