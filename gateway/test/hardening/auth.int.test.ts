import { signAccessToken } from '@clinigraph/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

const ME = '{ me { email } }';
const post = (authorization: string, query = ME) =>
  fetch(stack.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify({ query }) });

async function expectUnauthenticated(res: Response, message: RegExp) {
  const body = (await res.json()) as { data?: unknown; errors: { message: string; extensions: Record<string, unknown> }[] };
  expect(res.status).toBe(401);
  expect(body.data).toBeUndefined();
  expect(body.errors).toHaveLength(1);
  expect(body.errors[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
  expect(body.errors[0]?.message).toMatch(message);
  expect(body.errors[0]?.message).not.toMatch(/Context creation failed/);
}

describe('the gateway verifies the token before anything runs', () => {
  it('serves a signed-in caller', async () => {
    const admin = await stack.as('admin');
    expect(await admin.data(ME)).toEqual({ me: { email: 'admin@clinigraph.local' } });
  });

  it('treats a request without a token as anonymous', async () => {
    const result = await stack.anonymous.request(ME);
    expect(result.status).toBe(200);
    expect(result.data).toEqual({ me: null });
  });

  it('refuses a garbage token with 401 UNAUTHENTICATED', async () => {
    const res = await post('Bearer not-a-jwt');
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
    await expectUnauthenticated(res, /^Invalid access token$/);
  });

  it('refuses an expired token with 401 and says it expired', async () => {
    const identity = {
      userId: '00000000-0000-4000-8000-000000000000',
      roles: ['admin' as const],
      patientId: null,
      providerId: null,
      facilityIds: [],
      scopes: [],
    };
    const { token } = await signAccessToken(identity, -60);
    await expectUnauthenticated(await post(`Bearer ${token}`), /expired/);
  });

  it('refuses a token with a tampered payload', async () => {
    const admin = await stack.as('admin');
    const [header, , signature] = admin.token!.split('.');
    const payload = Buffer.from(JSON.stringify({ sub: 'someone-else', roles: ['admin'], iss: 'clinigraph', aud: 'clinigraph', exp: 4102444800 })).toString(
      'base64url',
    );
    await expectUnauthenticated(await post(`Bearer ${header}.${payload}.${signature}`), /^Invalid access token$/);
  });

  it('refuses an Authorization header that is not a bearer token', async () => {
    await expectUnauthenticated(await post('Basic YWRtaW46cGFzcw=='), /Bearer/);
  });

  it('refuses an invalid token even on the sign-in mutation, so a client drops stale tokens', async () => {
    const login = 'mutation { login(email: "admin@clinigraph.local", password: "clinigraph-demo") { accessToken } }';
    await expectUnauthenticated(await post('Bearer not-a-jwt', login), /Invalid access token/);
  });
});
