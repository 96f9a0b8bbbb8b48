import { Show } from 'solid-js';
import type { ConnectionState } from '../lib/live-socket.ts';

const LABELS: Record<Exclude<ConnectionState, 'idle'>, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  stopped: 'Not live: reload',
};

const TITLES: Partial<Record<ConnectionState, string>> = {
  stopped: 'Live updates stopped on this page: reload it to see changes.',
};

/**
 * Whether live updates are flowing, so nobody trusts a stale screen without knowing: "Live" only while every
 * stream the page shows is connected. Pages without live data show nothing.
 */
export function ConnectionBadge(props: { state: ConnectionState }) {
  return (
    <span role="status" aria-live="polite" class="connection-slot">
      <Show when={props.state !== 'idle' && props.state}>
        {(state) => (
          <span class={`badge connection ${state()}`} data-state={state()} title={TITLES[state()]}>
            {LABELS[state() as Exclude<ConnectionState, 'idle'>]}
          </span>
        )}
      </Show>
    </span>
  );
}
