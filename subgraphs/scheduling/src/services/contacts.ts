import { fetchEntities, signAccessToken } from '@clinigraph/kit';

export interface Contact {
  name: string;
  email: string | null;
}

/** Finds patients' names and e-mail addresses, which people owns. */
export type ContactDirectory = (patientIds: string[]) => Promise<Map<string, Contact>>;

/** The identity scheduling's background jobs act as: a system user with the receptionist's read rights. */
export const SYSTEM_USER_ID = '00000000-0000-0000-0000-000000000000';

/**
 * Asks the people subgraph for contacts through federation's `_entities`, with a short-lived system
 * token, so people applies (and audits) its own authorisation. The token is signed with this process's
 * key: available in the embedded app and tests, and to a jobs process given CLINIGRAPH_JWT_PRIVATE_KEY.
 */
export function peopleDirectory(peopleUrl: string, timeoutMs = 10_000): ContactDirectory {
  return async (patientIds) => {
    const contacts = new Map<string, Contact>();
    if (!patientIds.length) return contacts;
    const { token } = await signAccessToken(
      { userId: SYSTEM_USER_ID, roles: ['receptionist'], patientId: null, providerId: null, facilityIds: [], scopes: [] },
      120,
    );
    const answer = await fetchEntities<{ id: string; givenName: string; familyName: string; email: string | null }>(
      peopleUrl,
      token,
      'Patient',
      patientIds,
      'id givenName familyName email',
      { timeoutMs },
    );
    if (answer.status >= 400 || !answer.entities) throw new Error(`people lookup failed with HTTP ${answer.status}`);
    for (const p of answer.entities) if (p) contacts.set(p.id, { name: `${p.givenName} ${p.familyName}`, email: p.email });
    return contacts;
  };
}
