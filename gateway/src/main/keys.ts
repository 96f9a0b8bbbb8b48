import { randomBytes } from 'node:crypto';
import { generateKeyPems } from '@clinigraph/kit';

/**
 * `npm run -s keys > .env`: a fresh ES256 key pair as environment variables for distributed mode.
 * Every process gets the public key; only people (which issues tokens) gets the private key. People and
 * scheduling share the service secret, with which scheduling's jobs get their token from people. Every process
 * shares the internal secret, which signs the gateway's (and peers') calls to subgraphs.
 */
const pems = await generateKeyPems();
const line = (name: string, pem: string) => `${name}="${pem.trim()}"`;
console.log(line('CLINIGRAPH_JWT_PUBLIC_KEY', pems.publicKey));
console.log(line('CLINIGRAPH_JWT_PRIVATE_KEY', pems.privateKey));
console.log(line('CLINIGRAPH_SERVICE_SECRET', randomBytes(32).toString('hex')));
console.log(line('CLINIGRAPH_INTERNAL_SECRET', randomBytes(32).toString('hex')));
