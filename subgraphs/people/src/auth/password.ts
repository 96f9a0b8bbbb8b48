import { randomBytes, type ScryptOptions, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { hashingPool } from './hashing-pool.ts';

/** scrypt in the bounded hashing pool, its turn taken by `source` (hashing-pool.ts). */
const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions, source: string) =>
  hashingPool.run(
    source,
    () => new Promise<Buffer>((resolve, reject) => scryptCb(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key)))),
  );

/** Where hashing work comes from when no client is named (registration, seeding, password changes). */
const LOCAL = 'local';

// OWASP's scrypt floor: N=2^17, r=8, p=1. Tests may lower N through the environment to stay quick.
const N = Number(process.env.CLINIGRAPH_SCRYPT_N ?? 2 ** 17);
const params = { N, r: 8, p: 1, maxmem: 256 * 1024 * 1024 };
const KEYLEN = 32;

/** scrypt$N$r$p$salt$hash, all parameters stored so they can be raised later. */
export async function hashPassword(password: string, source = LOCAL): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEYLEN, params, source);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** `source`: who asks (the client's address for a sign-in), so a burst from one source queues behind itself. */
export async function verifyPassword(password: string, stored: string, source = LOCAL): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scrypt(
    password,
    Buffer.from(salt, 'base64'),
    expected.length,
    {
      N: Number(n),
      r: Number(r),
      p: Number(p),
      maxmem: 256 * 1024 * 1024,
    },
    source,
  );
  return timingSafeEqual(key, expected);
}

/** A hash of a random password, verified against when an e-mail is unknown, so timing reveals nothing. */
export const dummyHash = hashPassword(randomBytes(16).toString('hex'));
