import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, RequestHandler } from 'express';
import helmet from 'helmet';

/** A Host header that names a host (and port) and nothing else, so it can go into the policy as the socket's origin. */
const HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * Where the app may open its graphql-ws socket: this host over ws: or wss:. 'self' already covers it in current
 * browsers (CSP level 3); the explicit origin keeps older ones working.
 */
const sameHostSocket = (scheme: 'ws' | 'wss') => (req: IncomingMessage) => {
  const host = req.headers.host ?? '';
  return HOST.test(host) ? `${scheme}://${host}` : "'self'";
};

/**
 * The policy the built web app (web/dist) runs under: its own scripts, styles, images and fonts only (Vite emits no
 * inline script or style), data:/blob: images for generated files, the API and the live socket on the same host,
 * never in a frame, no plug-ins, no <base>. The GraphQL endpoint answers under the same headers.
 */
const directives = (tls: boolean) => ({
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'", sameHostSocket(tls ? 'wss' : 'ws')],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  // Over plain HTTP (a clinic's LAN, development) upgrading would break every request; behind TLS it closes mixed content.
  ...(tls ? { 'upgrade-insecure-requests': [] } : {}),
});

const headersFor = (tls: boolean) =>
  helmet({
    contentSecurityPolicy: { useDefaults: false, directives: directives(tls) },
    // Patient and record ids sit in the app's URLs: no Referer leaves the page.
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
    // HSTS only where the browser really reached us over TLS; sent over plain HTTP it would lock a LAN install out.
    strictTransportSecurity: tls ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });

export interface SecurityHeaderOptions {
  /** CLINIGRAPH_PUBLIC_URL: when it is https, every response is treated as reached over TLS (a proxy terminates it). */
  publicUrl?: string;
}

/**
 * Security headers on every gateway response (helmet). A request counts as TLS when it arrived over TLS or through a
 * trusted proxy that says so (X-Forwarded-Proto with `trust proxy` set: express's req.secure), or when the public URL
 * is https. A spoofed X-Forwarded-Proto from an untrusted client changes nothing.
 */
export function securityHeaders({ publicUrl = process.env.CLINIGRAPH_PUBLIC_URL }: SecurityHeaderOptions = {}): RequestHandler {
  const alwaysTls = publicUrl?.startsWith('https:') ?? false;
  const plain = headersFor(false);
  const tls = headersFor(true);
  return (req: Request, res: ServerResponse, next: (err?: unknown) => void) => (alwaysTls || req.secure ? tls : plain)(req, res, next);
}
