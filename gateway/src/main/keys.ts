import { generateKeyPems } from '@clinigraph/kit';

/**
 * `npm run -s keys > .env`: a fresh ES256 key pair as environment variables for distributed mode.
 * Every process gets the public key; only people (which issues tokens) gets the private key.
 */
const pems = await generateKeyPems();
const line = (name: string, pem: string) => `${name}="${pem.trim()}"`;
console.log(line('CLINIGRAPH_JWT_PUBLIC_KEY', pems.publicKey));
console.log(line('CLINIGRAPH_JWT_PRIVATE_KEY', pems.privateKey));
