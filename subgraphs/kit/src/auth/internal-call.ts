import { createHash, randomBytes } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';

/**
 * Closes the side doors: a subgraph answers GraphQL only for a caller inside the deployment (the gateway, or
 * another subgraph reading as the caller), which proves it with a short-lived assertion on every request: a
 * JWT (HS256, jose) over CLINIGRAPH_INTERNAL_SECRET, shared by the gateway and every subgraph, for one
 * audience (the subgraph's name), bound to the method and the SHA-256 of the exact body, and carrying the
 * client IP as the gateway saw it (the audit trail's IP, never a caller's header). A shared secret rather
 * than a gateway key pair: subgraphs must sign too (peer reads, the service-token request), and a key pair
 * per caller would buy nothing inside one trust boundary. Without the variable (embedded mode, tests) the
 * process draws a random secret: only its own in-process callers can sign, so the ports it opens on the
 * loopback interface still answer nobody else.
 */
export const INTERNAL_CALL_HEADER = 'x-clinigraph-call';
/** How long an assertion is valid: enough for one request, too short to replay later. */
export const INTERNAL_CALL_TTL_SECONDS = 30;
/** The code of the 401 a subgraph answers when the assertion is missing or does not verify. */
export const INTERNAL_CALL_REFUSED = 'INTERNAL_CALL_REFUSED';

const ALG = 'HS256';
const TYPE = 'clinigraph-call+jwt';
/** Clock skew tolerated between processes, in seconds. */
const SKEW_SECONDS = 5;

let secret: Uint8Array | null = null;
const internalSecret = (): Uint8Array => {
  if (!secret) {
    const configured = process.env.CLINIGRAPH_INTERNAL_SECRET;
    secret = configured ? new TextEncoder().encode(configured) : new Uint8Array(randomBytes(32));
  }
  return secret;
};

export const bodyHash = (body: string | Uint8Array | null | undefined): string =>
  createHash('sha256')
    .update(body ?? '')
    .digest('base64url');

export interface InternalCall {
  /** The subgraph called. */
  audience: string;
  /** Who calls: 'gateway' or a subgraph's name. */
  issuer: string;
  method: string;
  body: string | Uint8Array | null | undefined;
  /** The client IP as the gateway saw it; null for work no client asked for (jobs). */
  ip: string | null;
}

export async function signInternalCall(call: InternalCall, ttlSeconds = INTERNAL_CALL_TTL_SECONDS): Promise<string> {
  return new SignJWT({ m: call.method.toUpperCase(), bh: bodyHash(call.body), ...(call.ip ? { ip: call.ip } : {}) })
    .setProtectedHeader({ alg: ALG, typ: TYPE })
    .setIssuer(call.issuer)
    .setAudience(call.audience)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(internalSecret());
}

/** The assertion header for one call, to spread into a fetch's headers. */
export const internalCallHeaders = async (call: InternalCall): Promise<Record<string, string>> => ({
  [INTERNAL_CALL_HEADER]: await signInternalCall(call),
});

export type InternalCallRefusal = 'missing' | 'expired' | 'wrong-audience' | 'wrong-request' | 'invalid';

export type InternalCallCheck = { ok: true; issuer: string; ip: string | null } | { ok: false; reason: InternalCallRefusal };

/** Verifies the assertion of one received request against the subgraph's name, the method and the raw body. */
export async function verifyInternalCall(
  assertion: string | string[] | undefined,
  expected: { audience: string; method: string; body: Uint8Array | null | undefined },
): Promise<InternalCallCheck> {
  const token = Array.isArray(assertion) ? assertion[0] : assertion;
  if (!token) return { ok: false, reason: 'missing' };
  try {
    const { payload } = await jwtVerify(token, internalSecret(), {
      algorithms: [ALG],
      typ: TYPE,
      audience: expected.audience,
      requiredClaims: ['iss', 'iat', 'exp'],
      maxTokenAge: INTERNAL_CALL_TTL_SECONDS + SKEW_SECONDS,
      clockTolerance: SKEW_SECONDS,
    });
    if (payload.m !== expected.method.toUpperCase() || payload.bh !== bodyHash(expected.body)) return { ok: false, reason: 'wrong-request' };
    return { ok: true, issuer: payload.iss!, ip: typeof payload.ip === 'string' ? payload.ip : null };
  } catch (err) {
    if (err instanceof errors.JWTExpired) return { ok: false, reason: 'expired' };
    if (err instanceof errors.JWTClaimValidationFailed && err.claim === 'aud') return { ok: false, reason: 'wrong-audience' };
    return { ok: false, reason: 'invalid' };
  }
}
