import { describe, expect, it } from 'vitest';
import { apiError, fakeGateway, type Sent } from '../testing/fake-gateway.ts';
import { memoryStorage } from '../testing/memory-storage.ts';
import { accountWith, authPayload } from '../testing/render-app.tsx';
import { createGraphQLClient } from './client.ts';
import { graphql } from './graphql.ts';
import { createSession } from './session.ts';

const ME = graphql(`
  query Me {
    me { id }
  }
`);

/** A gateway whose access tokens `valid` accepts, rotating tokens on refresh. */
function gatewayAccepting(valid: Set<string>) {
  let n = 1;
  return fakeGateway({
    Me: (_v, sent: Sent) =>
      valid.has(sent.authorization ?? '') ? { data: { me: { __typename: 'Account', id: 'acc-1' } } } : apiError('UNAUTHENTICATED', 'Token expired'),
    RefreshSession: (v) => {
      if (v.refreshToken !== `r${n}`) return apiError('UNAUTHENTICATED', 'This session has ended; sign in again');
      n += 1;
      valid.add(`Bearer a${n}`);
      return { data: { refreshSession: authPayload(accountWith(['DOCTOR']), `a${n}`, `r${n}`) } };
    },
  });
}

const sessionWith = (expiresInMs: number) => {
  const session = createSession(memoryStorage());
  session.signIn({ ...authPayload(accountWith(['DOCTOR']), 'a1', 'r1'), accessTokenExpiresAt: new Date(Date.now() + expiresInMs).toISOString() });
  return session;
};

describe('the GraphQL client', () => {
  it('refreshes after an UNAUTHENTICATED answer and retries with the new token', async () => {
    const gateway = gatewayAccepting(new Set());
    const session = sessionWith(10 * 60_000);
    const { client } = createGraphQLClient(session, { url: 'http://gateway.test/graphql', fetch: gateway.fetch });
    const result = await client.query(ME, {}).toPromise();
    expect(result.data).toEqual({ me: { __typename: 'Account', id: 'acc-1' } });
    expect(gateway.sent.map((s) => `${s.operationName} ${s.authorization ?? ''}`.trim())).toEqual(['Me Bearer a1', 'RefreshSession', 'Me Bearer a2']);
    expect(session.refreshToken()).toBe('r2');
  });

  it('refreshes before sending when the access token is about to run out', async () => {
    const gateway = gatewayAccepting(new Set(['Bearer a1']));
    const session = sessionWith(5_000);
    const { client } = createGraphQLClient(session, { url: 'http://gateway.test/graphql', fetch: gateway.fetch });
    await client.query(ME, {}).toPromise();
    expect(gateway.sent.map((s) => s.operationName)).toEqual(['RefreshSession', 'Me']);
    expect(gateway.named('Me')[0]?.authorization).toBe('Bearer a2');
  });

  it('ends the session when the refresh token is refused, which sends the app back to sign-in', async () => {
    const gateway = fakeGateway({
      Me: () => apiError('UNAUTHENTICATED', 'Token expired'),
      RefreshSession: () => apiError('UNAUTHENTICATED', 'This session has ended'),
    });
    const session = sessionWith(10 * 60_000);
    const { client } = createGraphQLClient(session, { url: 'http://gateway.test/graphql', fetch: gateway.fetch });
    const result = await client.query(ME, {}).toPromise();
    expect(result.error?.graphQLErrors[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect(session.account()).toBeNull();
    expect(session.ended()).toBe('expired');
  });
});
