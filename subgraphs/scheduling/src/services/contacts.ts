import { fetchEntities, serviceToken } from '@clinigraph/kit';

export interface Contact {
  name: string;
  email: string | null;
}

/** Finds patients' names and e-mail addresses, which people owns. */
export type ContactDirectory = (patientIds: string[]) => Promise<Map<string, Contact>>;

/**
 * Asks the people subgraph for contacts through federation's `_entities`, as the scheduling service (a
 * short-lived service token: signed here when this process holds the key, as in the embedded app and
 * tests, else issued by people for CLINIGRAPH_SERVICE_SECRET), so people applies (and audits) its own
 * authorisation and its private key stays with people.
 */
export function peopleDirectory(peopleUrl: string, timeoutMs = 10_000): ContactDirectory {
  return async (patientIds) => {
    const contacts = new Map<string, Contact>();
    if (!patientIds.length) return contacts;
    const token = await serviceToken('scheduling', peopleUrl, { timeoutMs });
    const answer = await fetchEntities<{ id: string; givenName: string; familyName: string; email: string | null }>(
      peopleUrl,
      token,
      'Patient',
      patientIds,
      'id givenName familyName email',
      { timeoutMs, call: { from: 'scheduling', to: 'people' } },
    );
    if (answer.status >= 400 || !answer.entities) throw new Error(`people lookup failed with HTTP ${answer.status}`);
    for (const p of answer.entities) if (p) contacts.set(p.id, { name: `${p.givenName} ${p.familyName}`, email: p.email });
    return contacts;
  };
}
