/** The fields of AuthPayload the session keeps; shared by login, registration and refresh. */
export const AUTH_PAYLOAD_FIELDS = `
  accessToken
  accessTokenExpiresAt
  refreshToken
  account { id email displayName roles patient { id } provider { id } facilities { id name timezone } }
`;
