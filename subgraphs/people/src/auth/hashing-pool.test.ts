import { describe, expect, it } from 'vitest';
import { HashingPool } from './hashing-pool.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('the hashing pool', () => {
  it('runs at most its size at once, and serves a newcomer from another source before the rest of a burst', async () => {
    const pool = new HashingPool(2, 100);
    let running = 0;
    let most = 0;
    const order: string[] = [];
    const task = (name: string) => async () => {
      running++;
      most = Math.max(most, running);
      await tick();
      order.push(name);
      running--;
    };
    const burst = Array.from({ length: 6 }, (_, i) => pool.run('198.51.100.1', task(`burst ${i}`)));
    const other = pool.run('203.0.113.9', task('other'));
    await Promise.all([...burst, other]);
    expect(most).toBe(2);
    expect(order.indexOf('other')).toBeLessThanOrEqual(3);
    expect(order).toHaveLength(7);
  });

  it('refuses with TOO_MANY_REQUESTS past its queue, and keeps serving', async () => {
    const pool = new HashingPool(1, 2);
    const slow = () => tick();
    const accepted = [pool.run('a', slow), pool.run('a', slow), pool.run('b', slow)];
    await expect(pool.run('c', slow)).rejects.toMatchObject({ extensions: { code: 'TOO_MANY_REQUESTS' } });
    await Promise.all(accepted);
    await expect(pool.run('c', async () => 'done')).resolves.toBe('done');
  });
});
