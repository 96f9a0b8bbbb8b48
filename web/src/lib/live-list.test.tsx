import { createRoot, createSignal } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { createLiveList } from './live-list.ts';

interface Row {
  id: string;
  day: string;
  updatedAt: string;
}

describe('a list kept current by live events', () => {
  it('adds, replaces and drops by id, and never lets an older event win over a newer refetch', () => {
    createRoot((dispose) => {
      const [base, setBase] = createSignal<Row[]>([{ id: 'a', day: 'mon', updatedAt: '1' }]);
      const list = createLiveList(
        base,
        (r) => r.day === 'mon',
        (x, y) => x.id.localeCompare(y.id),
      );
      list.apply({ id: 'b', day: 'mon', updatedAt: '2' });
      expect(list.items().map((r) => r.id)).toEqual(['a', 'b']);
      list.apply({ id: 'a', day: 'tue', updatedAt: '3' });
      expect(list.items().map((r) => r.id)).toEqual(['b']);
      setBase([
        { id: 'a', day: 'mon', updatedAt: '4' },
        { id: 'b', day: 'mon', updatedAt: '2' },
      ]);
      expect(list.items().map((r) => `${r.id}${r.updatedAt}`)).toEqual(['a4', 'b2']);
      dispose();
    });
  });
});
