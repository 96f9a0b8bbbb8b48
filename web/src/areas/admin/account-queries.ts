import { graphql, type ResultOf } from '../../lib/graphql.ts';
import { ROLES, type Role } from '../../lib/roles.ts';

/** An account as the users page lists it. */
export const ACCOUNT_FIELDS = graphql(`
  fragment AccountRow on Account {
    id email displayName roles status lastLoginAt
  }
`);

export type AccountRow = ResultOf<typeof ACCOUNT_FIELDS>;

export const ACCOUNTS = graphql(
  `
  query Accounts($search: String, $role: Role, $first: Int) {
    accounts(search: $search, role: $role, first: $first) { nodes { ...AccountRow } }
  }
`,
  [ACCOUNT_FIELDS],
);

export const CREATE_ACCOUNT = graphql(
  `
  mutation CreateAccount($input: CreateAccountInput!) {
    createAccount(input: $input) { ...AccountRow }
  }
`,
  [ACCOUNT_FIELDS],
);

export const UPDATE_ACCOUNT = graphql(
  `
  mutation UpdateAccount($id: ID!, $input: UpdateAccountInput!) {
    updateAccount(id: $id, input: $input) { ...AccountRow }
  }
`,
  [ACCOUNT_FIELDS],
);

export const DEACTIVATE = graphql(
  `
  mutation DeactivateAccount($id: ID!) {
    deactivateAccount(id: $id) { ...AccountRow }
  }
`,
  [ACCOUNT_FIELDS],
);

export const REACTIVATE = graphql(
  `
  mutation ReactivateAccount($id: ID!) {
    reactivateAccount(id: $id) { ...AccountRow }
  }
`,
  [ACCOUNT_FIELDS],
);

/** Mails a staff member a password-reset link; the answer never holds the link. */
export const SEND_RESET_LINK = graphql(`
  mutation SendPasswordResetLink($id: ID!) {
    sendPasswordResetLink(id: $id)
  }
`);

export const STAFF_ROLES: Role[] = ROLES.filter((r) => r !== 'PATIENT');

/** Roles that always need two-step sign-in, whatever the clinic's policy says. */
export const ALWAYS_MFA_ROLES: readonly Role[] = ['ADMIN', 'NETWORK_ADMIN'];

/** The staff roles an admin with these roles may give: network-wide access only a network admin grants. */
export const grantableRoles = (own: readonly Role[]): Role[] => STAFF_ROLES.filter((r) => r !== 'NETWORK_ADMIN' || own.includes('NETWORK_ADMIN'));

export const END_ACCOUNT_SESSIONS = graphql(`
  mutation EndAccountSessions($accountId: ID!) { endAccountSessions(accountId: $accountId) }
`);
