import { graphql, type ResultOf } from './graphql.ts';

/** The fields of AuthPayload the session keeps; shared by login, registration, refresh and password changes. */
export const AUTH_PAYLOAD = graphql(`
  fragment AuthPayloadFields on AuthPayload {
    accessToken
    accessTokenExpiresAt
    refreshToken
    account { id email displayName roles patient { id } provider { id } facilities { id name timezone } }
  }
`);

/** What login, registerPatient, refreshSession and the password changes return. */
export type AuthPayload = ResultOf<typeof AUTH_PAYLOAD>;
