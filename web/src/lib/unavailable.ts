/**
 * Another service's part of an answer (a patient's or provider's name, a facility) is null while that
 * service is down; screens show this instead and keep the rest of what they hold.
 */
export const UNAVAILABLE = 'unavailable';

/** The display name of a person from another service, or a placeholder saying it is unavailable. */
export const nameOr = (who: { displayName: string } | null | undefined, what = 'Name'): string => who?.displayName ?? `${what} ${UNAVAILABLE}`;

/**
 * An answer with every root field present. Root fields are nullable in the API: one is null (beside an
 * error naming its service) when the service that holds it is down, while the others still answer.
 * `Loaded` shows its children only with such an answer, so rows and details are typed from it.
 */
export type Present<T> = { [K in keyof T]: NonNullable<T[K]> };

/** Whether every root field of an answer is there (see `Present`). */
export const isPresent = <T extends object>(answer: T): answer is T & Present<T> => Object.values(answer).every((value) => value != null);
