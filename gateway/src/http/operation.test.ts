import { describe, expect, it } from 'vitest';
import { requestedRootFields, sensitiveFieldCount } from './operation.ts';

describe('requestedRootFields', () => {
  it('lists the root fields of every operation, through aliases, fragments and inline fragments', () => {
    const query = `
      mutation A { first: login(email: "a", password: "b") { accessToken } ...More }
      query B { me { id } ... on Query { facilities { id } } }
      fragment More on Mutation { refreshSession(refreshToken: "x") { accessToken } ...More }`;
    expect(requestedRootFields({ query })).toEqual(['login', 'refreshSession', 'me', 'facilities']);
  });

  it('gives nothing for a body without a parsable query', () => {
    expect(requestedRootFields({ query: '{ broken' })).toEqual([]);
    expect(requestedRootFields({ query: 5 })).toEqual([]);
    expect(requestedRootFields(null)).toEqual([]);
  });
});

describe('sensitiveFieldCount', () => {
  it('counts each sign-in field, aliases included', () => {
    const query = 'mutation { a: login(email: "x", password: "1") { accessToken } b: login(email: "x", password: "2") { accessToken } }';
    expect(sensitiveFieldCount({ query })).toBe(2);
  });

  it('ignores a field named like one below the root', () => {
    expect(sensitiveFieldCount({ query: '{ me { login: email } }' })).toBe(0);
    expect(sensitiveFieldCount({ query: '{ me { id } }' })).toBe(0);
  });
});
