/** Small checks forms run before sending, each returning a message or null. */
export const check = {
  required: (value: string, message = 'This is required.') => (value.trim() ? null : message),
  email: (value: string) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : 'Enter a valid e-mail address.'),
  minLength: (value: string, n: number) => (value.length >= n ? null : `Use at least ${n} characters.`),
  pastDate: (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) && value <= new Date().toISOString().slice(0, 10) ? null : 'Enter a date in the past.'),
  phone: (value: string) => (!value.trim() || /^[+\d][\d\s()-]{5,}$/.test(value.trim()) ? null : 'Enter a phone number, digits only.'),
  /** The API's password rule (people's passwordSchema): 10 to 200 characters. */
  newPassword: (value: string) => (value.length < 10 ? 'Use at least 10 characters.' : value.length > 200 ? 'Use at most 200 characters.' : null),
  sameAs: (value: string, other: string, message: string) => (value === other ? null : message),
  positiveInt: (value: string) => (/^\d+$/.test(value) && Number(value) > 0 ? null : 'Enter a whole number above zero.'),
};

/** Keeps the failed checks: field → message. */
export function collect(checks: Record<string, string | null>): Record<string, string> {
  return Object.fromEntries(Object.entries(checks).filter((entry): entry is [string, string] => entry[1] !== null));
}
