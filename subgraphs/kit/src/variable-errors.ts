import type { GraphQLFormattedError } from 'graphql';
import type { FieldIssue } from './errors.ts';

const INT_RANGE = `between ${(-(2 ** 31)).toLocaleString('en')} and ${(2 ** 31 - 1).toLocaleString('en')}`;

/** graphql-js's reasons for refusing a variable, in words a person can act on. */
const plainReasons: [RegExp, string][] = [
  [/^Int cannot represent non 32-bit signed integer value/, `must be a whole number ${INT_RANGE}`],
  [/^Int cannot represent non-integer value/, 'must be a whole number'],
  [/^(Int|Float) cannot represent non numeric value/, 'must be a number'],
  [/^Value ".*" does not exist in ".*" enum/, 'is not one of the allowed values'],
  [/^Expected value of type ".*", found null/, 'is required'],
];

const COERCION = /^Variable "\$([^"]+)" got invalid value .*?(?: at "([^"]+)")?; (.*)$/s;
const MISSING_FIELD = /^Field "([^"]+)" of required type ".*" was not provided\.$/;

/**
 * A variable graphql-js refused before any resolver ran ("Variable "$input" got invalid value 99999999999
 * at "input.amountMinor"; Int cannot represent non 32-bit signed integer value…") as the issue of the
 * field it names, in plain words; null for any other error.
 */
export function variableIssue(message: string): FieldIssue | null {
  const m = COERCION.exec(message);
  if (!m) return null;
  const [, variable, at, reason] = m as unknown as [string, string, string | undefined, string];
  const missing = MISSING_FIELD.exec(reason);
  if (missing) return { path: `${at ?? variable}.${missing[1]}`, message: 'is required' };
  const plain = plainReasons.find(([pattern]) => pattern.test(reason));
  return { path: at ?? variable, message: plain ? plain[1] : reason.replace(/\.$/, '') };
}

/** A BAD_USER_INPUT from variable coercion, given an `issues` entry and a sentence like the API's own. */
export function withVariableIssue(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (formatted.extensions?.code !== 'BAD_USER_INPUT' || formatted.extensions.issues) return formatted;
  const issue = variableIssue(formatted.message);
  if (!issue) return formatted;
  return { ...formatted, message: `${issue.path}: ${issue.message}`, extensions: { ...formatted.extensions, issues: [issue] } };
}
