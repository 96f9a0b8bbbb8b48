import { cleanup, render, screen } from '@solidjs/testing-library';
import { createSignal } from 'solid-js';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectionState } from '../lib/live-socket.ts';
import { ConnectionBadge } from './ConnectionBadge.tsx';

afterEach(cleanup);

describe('the connection badge', () => {
  it('says whether live updates flow, and nothing where nothing is live', () => {
    const [state, setState] = createSignal<ConnectionState>('idle');
    render(() => <ConnectionBadge state={state()} />);
    expect(screen.getByRole('status').textContent).toBe('');
    setState('live');
    expect(screen.getByRole('status').textContent).toBe('Live');
    setState('reconnecting');
    expect(screen.getByRole('status').textContent).toBe('Reconnecting…');
    setState('stopped');
    expect(screen.getByRole('status').textContent).toBe('Not live: reload');
  });
});
