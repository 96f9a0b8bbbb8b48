import { createHash, timingSafeEqual } from 'node:crypto';
import type { Identity, Role } from './identity.ts';
import { internalCallHeaders } from './internal-call.ts';
import { keys } from './keys.ts';
import { signAccessToken } from './tokens.ts';

/**
 * Service identity for background work (scheduling's reminders, …). A job acts as its service, with the
 * rights people grants that service here, never more. The process that holds people's private key (people,
 * the embedded app, test stacks) signs the token itself; any other process proves its service credential
 * (CLINIGRAPH_SERVICE_SECRET, shared by the subgraphs) to people's `issueServiceToken` and gets a
 * short-lived token signed by people, so the private key never leaves people.
 */

/** The subject of every service token (audit trails show it as the system). */
export const SYSTEM_USER_ID = '00000000-0000-0000-0000-000000000000';

/** What each service may do when it acts alone; a service not listed gets no token. */
const SERVICE_ROLES: Record<string, Role[]> = {
  // Reminders read patients' names and e-mail addresses: the receptionist's read rights.
  scheduling: ['receptionist'],
};

export const SERVICE_TOKEN_TTL_SECONDS = 5 * 60;

/** The identity a service token carries, or null for a service that may not act alone. */
export function serviceIdentity(service: string): Identity | null {
  const roles = Object.hasOwn(SERVICE_ROLES, service) ? SERVICE_ROLES[service] : undefined;
  if (!roles) return null;
  return { userId: SYSTEM_USER_ID, roles: [...roles], patientId: null, providerId: null, facilityIds: null, scopes: [`service:${service}`] };
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Whether `secret` is this deployment's service credential (constant time; false when none is configured). */
export function serviceSecretMatches(secret: string, configured = process.env.CLINIGRAPH_SERVICE_SECRET): boolean {
  if (!configured) return false;
  return timingSafeEqual(digest(secret), digest(configured));
}

const ISSUE =
  'mutation IssueServiceToken($service: String!, $secret: String!) { issueServiceToken(service: $service, secret: $secret) { accessToken expiresAt } }';

interface Held {
  token: string;
  expiresAt: number;
}
const held = new Map<string, Held>();

/** Asks people (at `peopleUrl`, its own endpoint, not the gateway) for a service token with the service credential. */
async function requestFromPeople(service: string, peopleUrl: string, secret: string, timeoutMs: number): Promise<Held> {
  const request = JSON.stringify({ query: ISSUE, variables: { service, secret } });
  const res = await fetch(peopleUrl, {
    method: 'POST',
    // People's endpoint answers only internal callers (internal-call.ts): the job signs as its service.
    headers: {
      'content-type': 'application/json',
      ...(await internalCallHeaders({ audience: 'people', issuer: service, method: 'POST', body: request, ip: null })),
    },
    body: request,
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = (await res.json().catch(() => ({}))) as {
    data?: { issueServiceToken?: { accessToken: string; expiresAt: string } | null } | null;
    errors?: { extensions?: { code?: string } }[];
  };
  const issued = body.data?.issueServiceToken;
  if (!issued) throw new Error(`people refused a service token for ${service} (HTTP ${res.status}, ${body.errors?.[0]?.extensions?.code ?? 'no code'})`);
  return { token: issued.accessToken, expiresAt: Date.parse(issued.expiresAt) };
}

/**
 * A bearer token for `service` acting alone, reused until a minute before it expires. Signed here when this
 * process holds the private key; otherwise issued by people against CLINIGRAPH_SERVICE_SECRET. Throws when
 * neither is available, so the work stays pending and is retried rather than done without authorisation.
 */
export async function serviceToken(service: string, peopleUrl: string, { timeoutMs = 10_000 }: { timeoutMs?: number } = {}): Promise<string> {
  const cached = held.get(service);
  if (cached && cached.expiresAt - Date.now() > 60_000) return cached.token;
  let fresh: Held;
  if ((await keys()).privateKey) {
    const identity = serviceIdentity(service);
    if (!identity) throw new Error(`${service} may not act as a service`);
    const { token, expiresAt } = await signAccessToken(identity, SERVICE_TOKEN_TTL_SECONDS);
    fresh = { token, expiresAt: expiresAt.getTime() };
  } else {
    const secret = process.env.CLINIGRAPH_SERVICE_SECRET;
    if (!secret) throw new Error(`${service} cannot act alone: set CLINIGRAPH_SERVICE_SECRET (the same value as people's) or give it the signing key`);
    fresh = await requestFromPeople(service, peopleUrl, secret, timeoutMs);
  }
  held.set(service, fresh);
  return fresh.token;
}
