import { Show } from 'solid-js';
import type { ConnectionState } from '../lib/live-socket.ts';

const LABELS: Record<Exclude<ConnectionState, 'idle'>, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
};

/** Whether live updates are flowing, so nobody trusts a stale screen without knowing. Pages without live data show nothing. */
export function ConnectionBadge(props: { state: ConnectionState }) {
  return (
    <span role="status" aria-live="polite" class="connection-slot">
      <Show when={props.state !== 'idle' && props.state}>
        {(state) => (
          <span class={`badge connection ${state()}`} data-state={state()}>
            {LABELS[state() as Exclude<ConnectionState, 'idle'>]}
          </span>
        )}
      </Show>
    </span>
  );
}
