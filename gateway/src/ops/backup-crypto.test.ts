import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { pack, unpack } from './backup-bundle.ts';
import { FORMAT_VERSION, MAGIC, open, seal } from './backup-crypto.ts';

const KEY = 'a passphrase of some length';
const plaintext = pack('pglite', [
  { name: 'pglite.tar.gz', bytes: randomBytes(2048) },
  { name: 'documents/abc', bytes: Buffer.from('%PDF-1.4 patient letter') },
]);

const flip = (archive: Buffer, at: number) => {
  const copy = Buffer.from(archive);
  copy[at] = copy[at]! ^ 0x01;
  return copy;
};

describe('backup archive encryption', () => {
  const archive = seal(plaintext, KEY);

  it('round-trips with the right key, and every entry keeps its bytes', () => {
    expect(open(archive, KEY).equals(plaintext)).toBe(true);
    expect(unpack(open(archive, KEY)).entries.map((e) => e.name)).toEqual(['pglite.tar.gz', 'documents/abc']);
    expect(archive.includes(Buffer.from('patient letter'))).toBe(false);
  });

  it('uses a fresh salt and IV each time', () => {
    expect(seal(plaintext, KEY).subarray(0, 64).equals(archive.subarray(0, 64))).toBe(false);
  });

  it('refuses a wrong key, saying so', () => {
    expect(() => open(archive, 'another passphrase here')).toThrow(/^wrong CLINIGRAPH_BACKUP_KEY/);
  });

  it('refuses any changed byte of the content or the tag as damage', () => {
    expect(() => open(flip(archive, 200), KEY)).toThrow(/^the archive is damaged/);
    expect(() => open(flip(archive, archive.length - 1), KEY)).toThrow(/^the archive is damaged/);
    expect(() => open(archive.subarray(0, archive.length - 10), KEY)).toThrow(/^the archive is damaged/);
  });

  it('refuses a foreign file and a format version it does not know', () => {
    expect(() => open(Buffer.from('PGDMP not ours'), KEY)).toThrow(/not a Clinigraph backup archive/);
    expect(() => open(flip(archive, MAGIC.length), KEY)).toThrow(new RegExp(`format version ${FORMAT_VERSION ^ 1}`));
  });
});

describe('backup command', () => {
  it('refuses to run without CLINIGRAPH_BACKUP_KEY, with one line', async () => {
    const cli = fileURLToPath(new URL('../main/backup-cli.ts', import.meta.url));
    const env = { ...process.env, CLINIGRAPH_BACKUP_KEY: '' };
    const failed = await promisify(execFile)(process.execPath, ['--import', 'tsx', cli], { env }).then(
      () => null,
      (err: { code: number; stderr: string }) => err,
    );
    expect(failed?.code).toBe(2);
    expect(failed?.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^backup: CLINIGRAPH_BACKUP_KEY is not set: /)]);
  });
});
