import { graphql, type ResultOf } from '../lib/graphql.ts';

export const MY_SESSIONS = graphql(`
  query MySessions {
    mySessions { id device ip createdAt lastUsedAt expiresAt current }
    mySignIns(first: 20) { id at outcome ip }
  }
`);

export type SessionItem = NonNullable<ResultOf<typeof MY_SESSIONS>['mySessions']>[number];

export const END_SESSION = graphql(`
  mutation EndSession($id: ID!) { endSession(id: $id) }
`);
