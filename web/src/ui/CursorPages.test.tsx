import { cleanup, fireEvent, render, screen } from '@solidjs/testing-library';
import { createMemo, createSignal, For } from 'solid-js';
import { afterEach, describe, expect, it } from 'vitest';
import { type CursorPage, CursorPages, MoreRow } from './CursorPages.tsx';

afterEach(cleanup);

/** A server of 5 rows per filter, 2 per page: a page's cursor is the index of its last row. */
/** Reads its page the way a query does: again whenever its filter or cursor changes. */
function Rows(props: { filter: string; page: CursorPage; asked: string[] }) {
  const from = () => (props.page.after === null ? 0 : Number(props.page.after) + 1);
  const answer = createMemo(() => {
    props.asked.push(`${props.filter}@${props.page.after ?? 'start'}`);
    return {
      rows: [0, 1, 2, 3, 4].slice(from(), from() + 2).map((n) => `${props.filter} ${n}`),
      pageInfo: { hasNextPage: from() + 2 < 5, endCursor: String(from() + 1) },
    };
  });
  return (
    <tbody>
      <For each={answer().rows}>
        {(row) => (
          <tr>
            <td>{row}</td>
          </tr>
        )}
      </For>
      <MoreRow page={props.page} pageInfo={answer().pageInfo} columns={1} label="Load older" />
    </tbody>
  );
}

function Screen(props: { asked: string[] }) {
  const [filter, setFilter] = createSignal('a');
  return (
    <>
      <button type="button" onClick={() => setFilter('b')}>
        Filter b
      </button>
      <table>
        <CursorPages restart={filter()}>{(page) => <Rows filter={filter()} page={page} asked={props.asked} />}</CursorPages>
      </table>
    </>
  );
}

const cells = () => screen.getAllByRole('cell').map((c) => c.textContent);

describe('cursor pages', () => {
  it('adds one page per "load older", with the button only under the last page while the server has more', () => {
    render(() => <Screen asked={[]} />);
    expect(cells()).toEqual(['a 0', 'a 1', 'Load older']);
    fireEvent.click(screen.getByRole('button', { name: 'Load older' }));
    expect(cells()).toEqual(['a 0', 'a 1', 'a 2', 'a 3', 'Load older']);
    fireEvent.click(screen.getByRole('button', { name: 'Load older' }));
    expect(cells()).toEqual(['a 0', 'a 1', 'a 2', 'a 3', 'a 4']);
    expect(screen.queryByRole('button', { name: 'Load older' })).toBeNull();
  });

  it('starts again from the first page when the filter changes, never asking for an old cursor under the new filter', () => {
    const asked: string[] = [];
    render(() => <Screen asked={asked} />);
    fireEvent.click(screen.getByRole('button', { name: 'Load older' }));
    fireEvent.click(screen.getByRole('button', { name: 'Filter b' }));
    expect(cells()).toEqual(['b 0', 'b 1', 'Load older']);
    expect(asked.filter((a) => a.startsWith('b'))).toEqual(['b@start']);
  });
});
