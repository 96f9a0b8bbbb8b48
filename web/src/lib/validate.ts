/** Today's date where the world's day begins (UTC+14): the API accepts no later date of birth. */
const latestToday = () => new Date(Date.now() + 14 * 3_600_000).toISOString().slice(0, 10);

/** The dates of birth the API accepts (people's birthDate rule): within the last 130 years, not in the future. */
export function birthDateBounds(): { min: string; max: string } {
  const max = latestToday();
  return { min: `${String(Number(max.slice(0, 4)) - 130).padStart(4, '0')}${max.slice(4)}`, max };
}

/** Small checks forms run before sending, each returning a message or null. */
export const check = {
  required: (value: string, message = 'This is required.') => (value.trim() ? null : message),
  email: (value: string) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : 'Enter a valid e-mail address.'),
  minLength: (value: string, n: number) => (value.length >= n ? null : `Use at least ${n} characters.`),
  birthDate: (value: string) => {
    const { min, max } = birthDateBounds();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'Enter the date of birth.';
    if (value > max) return 'A date of birth cannot be in the future.';
    return value < min ? `Enter a date of birth within the last 130 years (from ${min}).` : null;
  },
  phone: (value: string) => (!value.trim() || /^[+\d][\d\s()-]{5,}$/.test(value.trim()) ? null : 'Enter a phone number, digits only.'),
  /** The API's password rule (people's passwordSchema): 10 to 200 characters. */
  newPassword: (value: string) => (value.length < 10 ? 'Use at least 10 characters.' : value.length > 200 ? 'Use at most 200 characters.' : null),
  sameAs: (value: string, other: string, message: string) => (value === other ? null : message),
  /** A whole number from 1 to `max` (the API's bound), so nothing larger, let alone beyond a GraphQL Int, is ever sent. */
  positiveInt: (value: string, max = 1_000_000) =>
    !/^\d+$/.test(value.trim()) || Number(value) < 1
      ? 'Enter a whole number above zero.'
      : Number(value) > max
        ? `Enter a whole number up to ${max.toLocaleString('en')}.`
        : null,
};

/** Keeps the failed checks: field → message. */
export function collect(checks: Record<string, string | null>): Record<string, string> {
  return Object.fromEntries(Object.entries(checks).filter((entry): entry is [string, string] => entry[1] !== null));
}
