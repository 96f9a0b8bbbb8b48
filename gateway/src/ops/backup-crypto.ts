import { createCipheriv, createDecipheriv, createHmac, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { OpsError } from './ops-error.ts';

/**
 * The encrypted envelope of a backup archive:
 *
 *   "CLINIGRAPH-BACKUP" | version (1 byte) | scrypt log2 N, r, p (3 bytes) | salt (16) | IV (12) | key check (16)
 *   | AES-256-GCM ciphertext | GCM tag (16)
 *
 * The key comes from the operator's passphrase through scrypt with the archive's random salt; the whole
 * header is authenticated data, so any change to it or to the ciphertext fails the tag. The key check
 * (an HMAC of the header under a second derived key) tells a wrong passphrase from a damaged file.
 */
export const MAGIC = Buffer.from('CLINIGRAPH-BACKUP', 'ascii');
export const FORMAT_VERSION = 1;
const KDF = { log2N: 15, r: 8, p: 1 };
const SALT = 16;
const IV = 12;
const CHECK = 16;
const TAG = 16;
const HEADER = MAGIC.length + 4 + SALT + IV + CHECK;

function deriveKeys(passphrase: string, salt: Buffer, { log2N, r, p }: typeof KDF) {
  const N = 2 ** log2N;
  const derived = scryptSync(passphrase, salt, 64, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 });
  return { encryption: derived.subarray(0, 32), check: derived.subarray(32) };
}

const keyCheck = (key: Buffer, headerStart: Buffer) => createHmac('sha256', key).update(headerStart).digest().subarray(0, CHECK);

/** Encrypts a plaintext archive under the passphrase, with a fresh salt and IV. */
export function seal(plaintext: Buffer, passphrase: string): Buffer {
  const salt = randomBytes(SALT);
  const iv = randomBytes(IV);
  const headerStart = Buffer.concat([MAGIC, Buffer.from([FORMAT_VERSION, KDF.log2N, KDF.r, KDF.p]), salt, iv]);
  const keys = deriveKeys(passphrase, salt, KDF);
  const header = Buffer.concat([headerStart, keyCheck(keys.check, headerStart)]);
  const cipher = createCipheriv('aes-256-gcm', keys.encryption, iv);
  cipher.setAAD(header);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([header, body, cipher.getAuthTag()]);
}

/** Decrypts and authenticates an archive; refuses a foreign file, a newer format, a wrong passphrase or any damage. */
export function open(archive: Buffer, passphrase: string): Buffer {
  if (archive.length < HEADER + TAG || !archive.subarray(0, MAGIC.length).equals(MAGIC)) throw new OpsError('this file is not a Clinigraph backup archive');
  const version = archive[MAGIC.length]!;
  if (version !== FORMAT_VERSION) throw new OpsError(`this archive has format version ${version}; this Clinigraph reads version ${FORMAT_VERSION}`);
  const [log2N, r, p] = [archive[MAGIC.length + 1]!, archive[MAGIC.length + 2]!, archive[MAGIC.length + 3]!];
  if (log2N < 10 || log2N > 20 || r < 1 || r > 16 || p < 1 || p > 4) throw new OpsError('the archive header is damaged');
  const saltAt = MAGIC.length + 4;
  const salt = archive.subarray(saltAt, saltAt + SALT);
  const iv = archive.subarray(saltAt + SALT, saltAt + SALT + IV);
  const check = archive.subarray(HEADER - CHECK, HEADER);
  const keys = deriveKeys(passphrase, salt, { log2N, r, p });
  if (!timingSafeEqual(check, keyCheck(keys.check, archive.subarray(0, HEADER - CHECK))))
    throw new OpsError('wrong CLINIGRAPH_BACKUP_KEY: it is not the key this archive was written with (or its header is damaged)');
  const decipher = createDecipheriv('aes-256-gcm', keys.encryption, iv);
  decipher.setAAD(archive.subarray(0, HEADER));
  decipher.setAuthTag(archive.subarray(archive.length - TAG));
  try {
    return Buffer.concat([decipher.update(archive.subarray(HEADER, archive.length - TAG)), decipher.final()]);
  } catch {
    throw new OpsError('the archive is damaged: its content fails the integrity check');
  }
}
