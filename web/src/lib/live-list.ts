import { createMemo, createSignal } from 'solid-js';

interface Versioned {
  id: string;
  updatedAt?: string;
}

const newer = <T extends Versioned>(a: T | undefined, b: T): T => (a?.updatedAt && b.updatedAt && a.updatedAt > b.updatedAt ? a : b);

/**
 * A list from a query kept current by live events: each event's entity replaces the one with its id
 * (the newer by updatedAt wins, so a refetch never loses to an older event), new ones join, and
 * `keep` drops those that no longer belong (e.g. moved to another day).
 */
export function createLiveList<T extends Versioned>(base: () => readonly T[] | undefined, keep: (item: T) => boolean, order: (a: T, b: T) => number) {
  const [updates, setUpdates] = createSignal<ReadonlyMap<string, T>>(new Map());
  const items = createMemo(() => {
    const merged = new Map((base() ?? []).map((item) => [item.id, item]));
    for (const [id, item] of updates()) merged.set(id, newer(merged.get(id), item));
    return [...merged.values()].filter(keep).sort(order);
  });
  return {
    items,
    apply: (item: T) => setUpdates((previous) => new Map(previous).set(item.id, newer(previous.get(item.id), item))),
    reset: () => setUpdates(new Map()),
  };
}
