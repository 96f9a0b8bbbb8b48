import { afterEach, describe, expect, it, vi } from 'vitest';
import { announceGatewayUrl, publicLink } from './mailer.ts';

afterEach(() => vi.unstubAllEnvs());

describe('links in mails', () => {
  it('point at CLINIGRAPH_PUBLIC_URL, keeping its path, with the query encoded', () => {
    vi.stubEnv('CLINIGRAPH_PUBLIC_URL', 'https://clinic.example.org/app/');
    announceGatewayUrl('http://127.0.0.1:4123');
    expect(publicLink('/reset-password', { token: 'a+b/c=' })).toBe('https://clinic.example.org/app/reset-password?token=a%2Bb%2Fc%3D');
  });

  it('fall back to the in-process gateway, reached as localhost when it listens everywhere', () => {
    vi.stubEnv('CLINIGRAPH_PUBLIC_URL', '');
    announceGatewayUrl('http://127.0.0.1:4123');
    expect(publicLink('/reset-password', { token: 't' })).toBe('http://127.0.0.1:4123/reset-password?token=t');
    announceGatewayUrl('http://0.0.0.0:4000');
    expect(publicLink('/sign-in')).toBe('http://localhost:4000/sign-in');
  });
});
