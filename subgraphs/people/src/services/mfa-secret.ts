import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { keys } from '@clinigraph/kit';
import { Secret, TOTP } from 'otpauth';

/** What authenticator apps show as the account's issuer. */
export const TOTP_ISSUER = 'Clinigraph';

/**
 * The key TOTP secrets are encrypted with (AES-256-GCM; node:crypto does the cryptography, this only picks
 * the key): CLINIGRAPH_MFA_KEY (32 bytes, base64) when set, otherwise derived with HKDF from the
 * token-signing private key, which only people holds. Rotating that key without setting CLINIGRAPH_MFA_KEY
 * makes every enrolment unreadable: people then have to enrol again (an admin resets them).
 */
async function encryptionKey(): Promise<Buffer> {
  const configured = process.env.CLINIGRAPH_MFA_KEY;
  if (configured) {
    const key = Buffer.from(configured, 'base64');
    if (key.length !== 32) throw new Error('CLINIGRAPH_MFA_KEY must be 32 bytes, base64');
    return key;
  }
  const { pems } = await keys();
  if (!pems.privateKey) throw new Error('This process holds no private key and cannot keep MFA secrets');
  return Buffer.from(hkdfSync('sha256', pems.privateKey, 'clinigraph', 'mfa-secret', 32));
}

export async function encryptSecret(base32: string): Promise<string> {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', await encryptionKey(), iv);
  const sealed = Buffer.concat([cipher.update(base32, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), sealed].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

export async function decryptSecret(stored: string): Promise<string> {
  const [, iv, tag, sealed] = stored.split('.');
  const decipher = createDecipheriv('aes-256-gcm', await encryptionKey(), Buffer.from(iv ?? '', 'base64url'));
  decipher.setAuthTag(Buffer.from(tag ?? '', 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(sealed ?? '', 'base64url')), decipher.final()]).toString('utf8');
}

export const newSecret = (): string => new Secret({ size: 20 }).base32;

export const totpFor = (base32: string, label: string) =>
  new TOTP({ issuer: TOTP_ISSUER, label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(base32) });

/**
 * The time step a TOTP code belongs to, when it is right for now or the step before or after (clock drift),
 * and later than `lastStep` (a code, once accepted, is never accepted again). Null otherwise.
 */
export function acceptedStep(base32: string, code: string, lastStep: number | null): number | null {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const totp = totpFor(base32, '');
  const delta = totp.validate({ token, window: 1 });
  if (delta === null) return null;
  const step = totp.counter() + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

/** Recovery codes: 10 random codes of 50 bits each, shown once as `xxxxx-xxxxx`; only a hash is kept. */
export const RECOVERY_CODE_COUNT = 10;
const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';

export function newRecoveryCode(): string {
  const chars = [...randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

export const recoveryCodeHash = (code: string): string =>
  createHash('sha256')
    .update(code.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .digest('hex');

/** Whether an entered code looks like a recovery code rather than a 6-digit TOTP code. */
export const isRecoveryCodeShape = (code: string): boolean => code.replace(/[^A-Za-z0-9]/g, '').length === 10;
