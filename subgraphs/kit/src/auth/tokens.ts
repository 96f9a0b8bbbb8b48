import { randomUUID } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { AppError, ErrorCode } from '../errors.ts';
import { type Identity, isRole } from './identity.ts';
import { keys, TOKEN_ALG } from './keys.ts';

const ISSUER = 'clinigraph';
const AUDIENCE = 'clinigraph';
export const ACCESS_TOKEN_TTL_SECONDS = Number(process.env.CLINIGRAPH_ACCESS_TOKEN_TTL ?? 15 * 60);

export async function signAccessToken(identity: Identity, ttlSeconds = ACCESS_TOKEN_TTL_SECONDS): Promise<{ token: string; expiresAt: Date }> {
  const { privateKey } = await keys();
  if (!privateKey) throw new Error('This process holds no private key and cannot issue tokens');
  const now = Math.floor(Date.now() / 1000);
  const token = await new SignJWT({
    roles: identity.roles,
    pid: identity.patientId,
    prv: identity.providerId,
    // `*`: not confined to facilities (see Identity.facilityIds).
    fac: identity.facilityIds ?? '*',
    ...(identity.emergencyPatientIds?.length ? { btg: identity.emergencyPatientIds } : {}),
    scope: identity.scopes.join(' '),
    amr: identity.mfa ? ['pwd', 'otp'] : ['pwd'],
    ...(identity.mfaRequired ? { mfr: true } : {}),
    ...(identity.sessionId ? { sid: identity.sessionId } : {}),
  })
    .setProtectedHeader({ alg: TOKEN_ALG })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(identity.userId)
    .setJti(randomUUID())
    .setIssuedAt(now)
    .setExpirationTime(now + ttlSeconds)
    .sign(privateKey);
  return { token, expiresAt: new Date((now + ttlSeconds) * 1000) };
}

const invalid = (message: string) => new AppError(ErrorCode.UNAUTHENTICATED, message, { http: { status: 401 } });

/** Verifies a bearer token and returns the identity it proves. Throws UNAUTHENTICATED otherwise. */
export async function verifyAccessToken(token: string): Promise<Identity> {
  const { publicKey } = await keys();
  try {
    const { payload } = await jwtVerify(token, publicKey, { issuer: ISSUER, audience: AUDIENCE, algorithms: [TOKEN_ALG] });
    const roles = Array.isArray(payload.roles) ? payload.roles.filter(isRole) : [];
    if (!payload.sub || roles.length === 0) throw invalid('Invalid access token');
    return {
      userId: payload.sub,
      roles,
      patientId: typeof payload.pid === 'string' ? payload.pid : null,
      providerId: typeof payload.prv === 'string' ? payload.prv : null,
      facilityIds: payload.fac === '*' ? null : Array.isArray(payload.fac) ? payload.fac.filter((f): f is string => typeof f === 'string') : [],
      ...(Array.isArray(payload.btg) ? { emergencyPatientIds: payload.btg.filter((p): p is string => typeof p === 'string') } : {}),
      scopes: typeof payload.scope === 'string' && payload.scope ? payload.scope.split(' ') : [],
      mfa: Array.isArray(payload.amr) && payload.amr.includes('otp'),
      mfaRequired: payload.mfr === true,
      ...(typeof payload.sid === 'string' ? { sessionId: payload.sid } : {}),
    };
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (err instanceof errors.JWTExpired) throw invalid('Your session has expired; sign in again');
    throw invalid('Invalid access token');
  }
}

export function bearerToken(header: string | string[] | undefined | null): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return null;
  const match = /^Bearer\s+(.+)$/i.exec(value.trim());
  return match?.[1] ?? null;
}
