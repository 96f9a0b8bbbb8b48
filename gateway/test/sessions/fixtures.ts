import { type GqlClient, type GqlResult, gqlClient } from '@clinigraph/kit/testing';
import type { TestStack } from '../../src/testing/stack.ts';

export const PASSWORD = 'a long staff password';
export const ME = '{ me { id email } }';
export const LOGIN = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken refreshToken account { id } } }';
export const REFRESH = 'mutation($token: String!) { refreshSession(refreshToken: $token) { accessToken refreshToken } }';
export const LOGOUT = 'mutation($token: String!) { logout(refreshToken: $token) }';
export const MY_SESSIONS = '{ mySessions { id device ip createdAt lastUsedAt expiresAt idleTimeoutMinutes current } }';

export interface SignedIn {
  accountId: string;
  accessToken: string;
  refreshToken: string;
  /** A client with this session's access token, through the gateway. */
  client: GqlClient;
}

/** Posts one operation through the gateway as a given browser (User-Agent). */
export async function requestAs<T = Record<string, any>>(
  stack: TestStack,
  userAgent: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GqlResult<T>> {
  const res = await fetch(stack.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': userAgent },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T | null; errors?: GqlResult<T>['errors'] };
  return { status: res.status, data: body.data ?? null, errors: body.errors ?? [] };
}

export const FIREFOX_LINUX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
export const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

/** Signs in through the gateway (as a given browser). */
export async function signIn(stack: TestStack, email: string, { password = PASSWORD, userAgent = FIREFOX_LINUX } = {}): Promise<SignedIn> {
  const result = await requestAs<{ login: { accessToken: string; refreshToken: string; account: { id: string } } }>(stack, userAgent, LOGIN, {
    email,
    password,
  });
  if (!result.data?.login) throw new Error(`sign-in failed: ${JSON.stringify(result.errors)}`);
  const { accessToken, refreshToken, account } = result.data.login;
  return { accountId: account.id, accessToken, refreshToken, client: gqlClient(stack.graphqlUrl, accessToken) };
}

let staffCount = 0;

/** A new nurse account at the demo facility, made by the admin: each test signs its own person in and out. */
export async function newNurse(stack: TestStack, admin: GqlClient): Promise<{ id: string; email: string }> {
  staffCount += 1;
  const email = `session-nurse-${staffCount}@clinigraph.test`;
  const { createAccount } = await admin.data<{ createAccount: { id: string } }>(
    'mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }',
    { input: { email, password: PASSWORD, displayName: `Session Nurse ${staffCount}`, roles: ['NURSE'], facilityIds: [stack.seed.facilityId] } },
  );
  return { id: createAccount.id, email };
}

/** A direct call to one subgraph, past the gateway: each subgraph checks the session itself. */
export const direct = (stack: TestStack, subgraph: string, token: string) => gqlClient(stack.subgraphs[subgraph]!.url, token).request('{ __typename }');
