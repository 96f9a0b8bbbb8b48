/**
 * Another service's part of an answer (a patient's or provider's name, a facility) is null while that
 * service is down; screens show this instead and keep the rest of what they hold.
 */
export const UNAVAILABLE = 'unavailable';

/** The display name of a person from another service, or a placeholder saying it is unavailable. */
export const nameOr = (who: { displayName: string } | null | undefined, what = 'Name'): string => who?.displayName ?? `${what} ${UNAVAILABLE}`;
