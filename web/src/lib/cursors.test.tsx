import { describe, expect, it } from 'vitest';
import { createCursorStore, cursorKey } from './cursors.ts';

describe('subscription cursors', () => {
  it('keys a subscription by its document and arguments, whatever the order and the cursor', () => {
    const q = 'subscription S($a: ID, $b: ID, $after: String) { s(a: $a, b: $b, after: $after) { cursor } }';
    expect(cursorKey(q, { a: '1', b: '2', after: '9' })).toBe(cursorKey(q, { b: '2', a: '1' }));
    expect(cursorKey(q, { a: '1' })).not.toBe(cursorKey(q, { a: '2' }));
    const store = createCursorStore();
    store.set(cursorKey(q, { a: '1' }), '41');
    expect(store.get(cursorKey(q, { a: '1', after: null }))).toBe('41');
    expect(store.get(cursorKey(q, { a: '2' }))).toBeNull();
  });
});
