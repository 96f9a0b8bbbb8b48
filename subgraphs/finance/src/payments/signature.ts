import { createHmac, timingSafeEqual } from 'node:crypto';
import { WebhookSignatureError } from './provider.ts';

/** How old a signed webhook may be, in seconds: an old capture cannot be replayed later. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

const digest = (secret: string, timestamp: number, payload: string) => createHmac('sha256', secret).update(`${timestamp}.${payload}`).digest('hex');

/** A Stripe-style signature header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.payload">`. */
export function signPayload(secret: string, payload: string, now = Date.now()): string {
  const t = Math.floor(now / 1000);
  return `t=${t},v1=${digest(secret, t, payload)}`;
}

/** Checks a signature header in constant time; throws when it is malformed, wrong or too old. */
export function verifySignature(secret: string, payload: string, header: string, now = Date.now()): void {
  const parts = new Map(header.split(',').map((kv) => kv.split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const given = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/.test(given)) throw new WebhookSignatureError('Malformed signature');
  if (Math.abs(now / 1000 - t) > SIGNATURE_TOLERANCE_SECONDS) throw new WebhookSignatureError('Signature too old');
  const expected = Buffer.from(digest(secret, t, payload), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(given, 'hex'))) throw new WebhookSignatureError('Signature does not match');
}
