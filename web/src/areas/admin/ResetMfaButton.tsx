import { createMutation } from '@urql/solid';
import { Show } from 'solid-js';
import { graphql } from '../../lib/graphql.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';

export const RESET_MFA = graphql(`
  mutation ResetMfa($accountId: ID!) { resetMfa(accountId: $accountId) }
`);

/**
 * Resets a person's two-step sign-in (a lost phone): their authenticator app and recovery codes go and
 * they are signed out everywhere; they set it up again after signing in with their password.
 */
export function ResetMfaButton(props: { account: { id: string; displayName: string } }) {
  const [state, reset] = createMutation(RESET_MFA);
  return (
    <Show
      when={state.data?.resetMfa}
      fallback={
        <>
          <button
            type="button"
            class="secondary"
            disabled={state.fetching}
            aria-label={`Reset two-step sign-in for ${props.account.displayName}`}
            onClick={() => reset({ accountId: props.account.id })}
          >
            Reset two-step sign-in
          </button>
          <ErrorNotice error={state.error} />
        </>
      }
    >
      <small role="status">Two-step sign-in reset</small>
    </Show>
  );
}
