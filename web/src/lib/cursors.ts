/** A subscription's identity for resuming: its document and its arguments other than the cursor. */
export function cursorKey(query: string, variables: Record<string, unknown> | undefined): string {
  const { after: _after, ...rest } = variables ?? {};
  return `${query}\n${JSON.stringify(Object.entries(rest).sort(([a], [b]) => a.localeCompare(b)))}`;
}

/** The last cursor seen per subscription, for resuming after a reconnect. */
export function createCursorStore() {
  const cursors = new Map<string, string>();
  return {
    get: (key: string) => cursors.get(key) ?? null,
    set: (key: string, cursor: string) => void cursors.set(key, cursor),
    clear: () => cursors.clear(),
  };
}
export type CursorStore = ReturnType<typeof createCursorStore>;
