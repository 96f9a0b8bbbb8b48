import { createHash } from 'node:crypto';
import { OpsError } from './ops-error.ts';

/**
 * The plaintext inside the envelope: a 4-byte manifest length, the manifest (JSON) and each entry's
 * bytes in manifest order. Each entry carries its SHA-256, checked when the bundle is read.
 */
export type BackupKind = 'postgres' | 'pglite';

export interface BundleEntry {
  /** `database.dump` (pg_dump custom format), `pglite.tar.gz` (PGlite's own dump), `keys.json`, `documents/<storage key>`. */
  name: string;
  bytes: Buffer;
}

export interface Manifest {
  kind: BackupKind;
  createdAt: string;
  entries: { name: string; size: number; sha256: string }[];
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export function pack(kind: BackupKind, entries: BundleEntry[], createdAt = new Date()): Buffer {
  const manifest: Manifest = {
    kind,
    createdAt: createdAt.toISOString(),
    entries: entries.map((e) => ({ name: e.name, size: e.bytes.length, sha256: sha256(e.bytes) })),
  };
  const json = Buffer.from(JSON.stringify(manifest), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  return Buffer.concat([length, json, ...entries.map((e) => e.bytes)]);
}

export function unpack(plaintext: Buffer): { manifest: Manifest; entries: BundleEntry[] } {
  const damaged = (what: string) => new OpsError(`the archive's content is damaged: ${what}`);
  if (plaintext.length < 4) throw damaged('no manifest');
  const length = plaintext.readUInt32BE(0);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(plaintext.subarray(4, 4 + length).toString('utf8')) as Manifest;
  } catch {
    throw damaged('unreadable manifest');
  }
  let at = 4 + length;
  const entries = manifest.entries.map((e) => {
    const bytes = plaintext.subarray(at, at + e.size);
    at += e.size;
    if (bytes.length !== e.size || sha256(bytes) !== e.sha256) throw damaged(`${e.name} does not match its checksum`);
    return { name: e.name, bytes };
  });
  if (at !== plaintext.length) throw damaged('unexpected bytes after the last entry');
  return { manifest, entries };
}
