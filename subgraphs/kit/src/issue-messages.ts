import type { z } from 'zod';

type Issue = Parameters<z.core.$ZodErrorMap>[0];

const amount = (n: number | bigint) => (typeof n === 'bigint' ? n.toLocaleString('en') : n.toLocaleString('en', { maximumFractionDigits: 6 }));
const dateOf = (n: number | bigint) => new Date(Number(n)).toISOString().slice(0, 10);
const entries = (n: number | bigint) => (Number(n) === 1 ? 'one entry' : `${amount(n)} entries`);

function tooSmall(issue: Issue & { code: 'too_small' }): string {
  const { origin, minimum, inclusive } = issue;
  if (origin === 'string') return Number(minimum) <= 1 ? 'is required' : `must be at least ${amount(minimum)} characters`;
  if (origin === 'array' || origin === 'set') return `needs at least ${entries(minimum)}`;
  if (origin === 'date') return `must be on or after ${dateOf(minimum)}`;
  return inclusive ? `must be at least ${amount(minimum)}` : `must be more than ${amount(minimum)}`;
}

function tooBig(issue: Issue & { code: 'too_big' }): string {
  const { origin, maximum, inclusive } = issue;
  if (origin === 'string') return `must be at most ${amount(maximum)} characters`;
  if (origin === 'array' || origin === 'set') return `can have at most ${entries(maximum)}`;
  if (origin === 'date') return `must be on or before ${dateOf(maximum)}`;
  return inclusive ? `must be at most ${amount(maximum)}` : `must be less than ${amount(maximum)}`;
}

const FORMATS: Record<string, string> = {
  email: 'must be an e-mail address',
  uuid: 'is not a valid reference',
  url: 'must be a web address',
  date: 'must be a date (YYYY-MM-DD)',
  datetime: 'must be a date and time',
  regex: 'is not in the expected format',
};

const TYPES: Record<string, string> = {
  string: 'must be text',
  number: 'must be a number',
  int: 'must be a whole number',
  boolean: 'must be yes or no',
  array: 'must be a list',
  object: 'is not in the expected form',
  date: 'must be a date',
};

/**
 * zod's own messages ("Too small: expected array to have >=1 items", "Too big: expected string to have
 * <=500 characters") in words staff can act on; `parseInput` reads each field's issue with it, after the
 * field's path ("lines: needs at least one entry"). A message a schema sets itself is kept as written.
 */
export function plainIssue(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'too_small':
      return tooSmall(issue);
    case 'too_big':
      return tooBig(issue);
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? 'is required' : (TYPES[issue.expected] ?? 'is not in the expected form');
    case 'invalid_format':
      return FORMATS[issue.format] ?? 'is not in the expected format';
    case 'invalid_value':
      return `must be one of: ${issue.values.map(String).join(', ')}`;
    case 'not_multiple_of':
      return `must be a multiple of ${amount(issue.divisor)}`;
    case 'unrecognized_keys':
      return `has fields that are not accepted: ${issue.keys.join(', ')}`;
    default:
      return undefined;
  }
}
