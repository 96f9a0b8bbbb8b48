import { gql } from '@urql/solid';
import type { Role } from '../../lib/roles.ts';

export interface AccountRow {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  status: 'ACTIVE' | 'DEACTIVATED';
  lastLoginAt: string | null;
}

const FIELDS = 'id email displayName roles status lastLoginAt';

export const ACCOUNTS = gql`
  query Accounts($search: String, $role: Role, $first: Int) {
    accounts(search: $search, role: $role, first: $first) { nodes { ${FIELDS} } }
  }
`;

export const CREATE_ACCOUNT = gql`
  mutation CreateAccount($input: CreateAccountInput!) {
    createAccount(input: $input) { ${FIELDS} }
  }
`;

export const UPDATE_ACCOUNT = gql`
  mutation UpdateAccount($id: ID!, $input: UpdateAccountInput!) {
    updateAccount(id: $id, input: $input) { ${FIELDS} }
  }
`;

export const DEACTIVATE = gql`
  mutation DeactivateAccount($id: ID!) {
    deactivateAccount(id: $id) { ${FIELDS} }
  }
`;

export const REACTIVATE = gql`
  mutation ReactivateAccount($id: ID!) {
    reactivateAccount(id: $id) { ${FIELDS} }
  }
`;

export const STAFF_ROLES: Role[] = ['DOCTOR', 'NURSE', 'RECEPTIONIST', 'PHARMACIST', 'BILLING', 'LAB', 'ADMIN'];
