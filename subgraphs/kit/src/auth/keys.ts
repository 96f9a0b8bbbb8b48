import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { type CryptoKey, exportPKCS8, exportSPKI, generateKeyPair, importPKCS8, importSPKI } from 'jose';

export const TOKEN_ALG = 'ES256';

export interface KeyPems {
  publicKey: string;
  /** Only the people subgraph, which issues tokens, holds the private key. */
  privateKey?: string;
}

interface LoadedKeys {
  publicKey: CryptoKey;
  privateKey: CryptoKey | null;
  pems: KeyPems;
}

let current: Promise<LoadedKeys> | null = null;
/** Whether the keys came from configuration (environment, data folder) rather than a throwaway pair. */
let configured = false;

async function load(pems: KeyPems): Promise<LoadedKeys> {
  return {
    publicKey: await importSPKI(pems.publicKey, TOKEN_ALG),
    privateKey: pems.privateKey ? await importPKCS8(pems.privateKey, TOKEN_ALG) : null,
    pems,
  };
}

export async function generateKeyPems(): Promise<Required<KeyPems>> {
  const { publicKey, privateKey } = await generateKeyPair(TOKEN_ALG, { extractable: true });
  return { publicKey: await exportSPKI(publicKey), privateKey: await exportPKCS8(privateKey) };
}

/** Sets the process's signing keys explicitly (distributed mode reads them from the environment). */
export function configureKeys(pems: KeyPems): void {
  current = load(pems);
  configured = true;
}

/**
 * Keys for a developer machine: kept in a file under the data folder so tokens survive restarts.
 * Production sets CLINIGRAPH_JWT_PUBLIC_KEY (and, for people, CLINIGRAPH_JWT_PRIVATE_KEY) instead.
 */
export async function useDevKeys(file: string): Promise<void> {
  if (existsSync(file)) {
    configureKeys(JSON.parse(readFileSync(file, 'utf8')) as KeyPems);
    return;
  }
  const pems = await generateKeyPems();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(pems), { mode: 0o600 });
  configureKeys(pems);
}

export function keys(): Promise<LoadedKeys> {
  if (!current) {
    const publicKey = process.env.CLINIGRAPH_JWT_PUBLIC_KEY;
    if (publicKey) {
      current = load({ publicKey, privateKey: process.env.CLINIGRAPH_JWT_PRIVATE_KEY });
      configured = true;
    } else if (process.env.NODE_ENV === 'production') {
      throw new Error('CLINIGRAPH_JWT_PUBLIC_KEY must be set in production');
    } else {
      current = generateKeyPems().then(load);
    }
  }
  return current;
}

/**
 * Whether tokens can be verified with configured keys: the environment's or the data folder's pair,
 * loaded without error. A throwaway pair (development without keys) does not count: its tokens verify nowhere else.
 */
export async function keysConfigured(): Promise<boolean> {
  if (!current && !process.env.CLINIGRAPH_JWT_PUBLIC_KEY) return false;
  try {
    await keys();
  } catch {
    return false;
  }
  return configured;
}

/** The PEMs in use, so a test can hand the same keys to child processes. */
export async function currentKeyPems(): Promise<KeyPems> {
  return (await keys()).pems;
}
