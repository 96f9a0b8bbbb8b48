import { createMemo, createSignal, For, type JSX, Show } from 'solid-js';

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

/** What each page of rows gets: its cursor, whether it is the last page shown (reactive), and how to ask for the next. */
export interface CursorPage {
  after: string | null;
  last: boolean;
  onMore: (cursor: string) => void;
}

/**
 * Table bodies read one cursor page at a time: the first page, then one more each time the reader asks for
 * older rows. Whatever `restart` reads (the screen's filter) starts the pages again from the first, in the
 * same update, so no page is ever asked for with a cursor of another filter.
 */
export function CursorPages(props: { restart: unknown; children: (page: CursorPage) => JSX.Element }) {
  const cursors = createMemo(() => {
    void props.restart;
    return createSignal<(string | null)[]>([null]);
  });
  const pages = () => cursors()[0]();
  const more = (cursor: string) => cursors()[1]((p) => [...p, cursor]);
  const page = (after: string | null, i: () => number): CursorPage => ({
    after,
    get last() {
      return i() === pages().length - 1;
    },
    onMore: more,
  });
  return <For each={pages()}>{(after, i) => props.children(page(after, i))}</For>;
}

/** The row under the last page that loads older rows, shown while the server has more. */
export function MoreRow(props: { page: CursorPage; pageInfo: PageInfo; columns: number; label: string }) {
  return (
    <Show when={props.page.last && props.pageInfo.hasNextPage}>
      <tr>
        <td colSpan={props.columns}>
          <button type="button" class="secondary" onClick={() => props.page.onMore(props.pageInfo.endCursor!)}>
            {props.label}
          </button>
        </td>
      </tr>
    </Show>
  );
}
