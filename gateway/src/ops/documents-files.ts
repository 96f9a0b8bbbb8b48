import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BundleEntry } from './backup-bundle.ts';
import { OpsError } from './ops-error.ts';

/** Uploaded documents (care's files, named by storage key) travel as `documents/<storage key>` entries. */
const PREFIX = 'documents/';

export function readDocuments(dir: string): BundleEntry[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((f) => f.isFile())
    .map((f) => ({ name: `${PREFIX}${f.name}`, bytes: readFileSync(join(dir, f.name)) }));
}

export const documentEntries = (entries: BundleEntry[]) =>
  entries.filter((e) => e.name.startsWith(PREFIX)).map((e) => ({ file: e.name.slice(PREFIX.length), bytes: e.bytes }));

/** Refuses, before anything is written, when the folder holds a different file under a name the archive uses. */
export function assertDocumentsFit(dir: string, entries: BundleEntry[]): void {
  for (const { file, bytes } of documentEntries(entries)) {
    if (file.includes('/') || file.includes('\\') || file.startsWith('.'))
      throw new OpsError(`the archive names a document file ${JSON.stringify(file)} that is not a storage key`);
    const path = join(dir, file);
    if (existsSync(path) && !readFileSync(path).equals(bytes))
      throw new OpsError(`${path} already exists with other content; restore into an empty CLINIGRAPH_DOCUMENTS_DIR`);
  }
}

export function writeDocuments(dir: string, entries: BundleEntry[]): number {
  const files = documentEntries(entries);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const { file, bytes } of files) if (!existsSync(join(dir, file))) writeFileSync(join(dir, file), bytes, { mode: 0o600, flag: 'wx' });
  return files.length;
}
