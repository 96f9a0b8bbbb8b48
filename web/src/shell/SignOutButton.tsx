import { useNavigate } from '@solidjs/router';
import { createMutation } from '@urql/solid';
import { useApp } from '../lib/app-context.ts';
import { graphql } from '../lib/graphql.ts';

export const LOGOUT = graphql(`
  mutation Logout($refreshToken: String!) {
    logout(refreshToken: $refreshToken)
  }
`);

/** Ends the session on the server (its refresh token can no longer be used) and here. */
export function SignOutButton() {
  const { session } = useApp();
  const navigate = useNavigate();
  const [state, logout] = createMutation(LOGOUT);
  const signOut = async () => {
    const refreshToken = session.refreshToken();
    if (refreshToken) await logout({ refreshToken });
    session.signOut();
    navigate('/sign-in', { replace: true });
  };
  return (
    <button type="button" class="secondary" onClick={signOut} disabled={state.fetching}>
      Sign out
    </button>
  );
}
