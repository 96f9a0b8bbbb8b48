import { cleanup, render, screen } from '@solidjs/testing-library';
import { CombinedError } from '@urql/core';
import { createStore } from 'solid-js/store';
import { afterEach, describe, expect, it } from 'vitest';
import { Loaded } from './Loaded.tsx';

afterEach(cleanup);

describe('the states of a query', () => {
  it('goes from loading to data, updating in place, and says when there is nothing', () => {
    const [result, set] = createStore<{ data?: { rows: string[] }; error?: CombinedError; fetching: boolean }>({ fetching: true });
    render(() => (
      <Loaded result={result} isEmpty={(d) => !d.rows.length} empty="No rows.">
        {(d) => <p>{d().rows.join(',')}</p>}
      </Loaded>
    ));
    expect(screen.getByRole('status').textContent).toBe('Loading…');
    set({ data: { rows: [] }, fetching: false });
    expect(screen.getByText('No rows.')).toBeTruthy();
    set('data', { rows: ['a'] });
    const shown = screen.getByText('a');
    set('data', 'rows', ['a', 'b']);
    expect(shown.textContent).toBe('a,b');
  });

  it('shows a failed query in plain words', () => {
    const error = new CombinedError({ graphQLErrors: [{ message: 'nope', extensions: { code: 'FORBIDDEN' } }] });
    render(() => <Loaded result={{ error, fetching: false }}>{() => <p>data</p>}</Loaded>);
    expect(screen.getByRole('alert').textContent).toBe('You are not allowed to do this.');
  });

  it('shows why a root field is missing (its service is down) instead of a screen without it', () => {
    const error = new CombinedError({
      graphQLErrors: [{ message: 'The finance service is unavailable', extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'finance' } }],
    });
    const data: { facilities: string[] | null; charges: string[] | null } = { facilities: ['Harbour Clinic'], charges: null };
    render(() => <Loaded result={{ data, error, fetching: false }}>{(d) => <p>{d().charges.length} charges</p>}</Loaded>);
    expect(screen.getByRole('alert').textContent).toBe('The finance service is unavailable');
    expect(screen.queryByText(/charges/)).toBeNull();
  });
});
