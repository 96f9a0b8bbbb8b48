import { describe, expect, it } from 'vitest';
import { ConnectionCounter } from './connection-caps.ts';
import { MessageRate } from './message-rate.ts';

describe('MessageRate', () => {
  it('allows a burst of the rate, then the rate per second', () => {
    const rate = new MessageRate(5, 0);
    expect(Array.from({ length: 6 }, () => rate.take(0))).toEqual([true, true, true, true, true, false]);
    expect(rate.take(100)).toBe(false);
    expect(rate.take(200)).toBe(true);
    expect(rate.take(200)).toBe(false);
  });

  it('never saves up more than one second of messages', () => {
    const rate = new MessageRate(3, 0);
    expect(Array.from({ length: 4 }, () => rate.take(60_000))).toEqual([true, true, true, false]);
  });
});

describe('ConnectionCounter', () => {
  it('gives at most the cap of slots per key, and a slot back once however often it is released', () => {
    const counter = new ConnectionCounter(2);
    const a = counter.take('ip:1');
    const b = counter.take('ip:1');
    expect(a && b).toBeTruthy();
    expect(counter.take('ip:1')).toBeNull();
    expect(counter.take('ip:2')).not.toBeNull();
    a!();
    a!();
    expect(counter.take('ip:1')).not.toBeNull();
    expect(counter.take('ip:1')).toBeNull();
  });
});
