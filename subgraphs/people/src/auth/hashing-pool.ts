import { availableParallelism } from 'node:os';
import { tooManyRequests } from '@clinigraph/kit';

/**
 * A bounded pool for password hashing. scrypt at OWASP strength costs a core for a noticeable time; run
 * unbounded, a burst of sign-ins fills libuv's threads and everyone's sign-in waits for all of them. Here at
 * most `size` hashes run at once (one per core but one by default) and the rest queue, served round-robin by
 * source (the client's address), so a burst from one address waits behind itself and another person's
 * sign-in takes the next free slot. Past `maxQueued` waiting hashes the pool refuses with
 * TOO_MANY_REQUESTS rather than let the queue grow without end. (p-limit and its kin queue first come,
 * first served; the fairness by source is what this adds.)
 */
export class HashingPool {
  private running = 0;
  private queued = 0;
  /** Waiting tasks per source; a Map keeps sources in the order they are served. */
  private readonly waiting = new Map<string, (() => void)[]>();

  constructor(
    readonly size: number,
    readonly maxQueued: number,
  ) {}

  async run<T>(source: string, task: () => Promise<T>): Promise<T> {
    if (this.running >= this.size) {
      if (this.queued >= this.maxQueued) throw tooManyRequests('The server is busy signing people in; try again in a few seconds', 5);
      this.queued++;
      await new Promise<void>((resolve) => {
        const line = this.waiting.get(source);
        if (line) line.push(resolve);
        else this.waiting.set(source, [resolve]);
      });
    } else this.running++;
    try {
      return await task();
    } finally {
      this.next();
    }
  }

  /** Hands the slot to the first waiting task of the next source, which then goes to the back of the round. */
  private next(): void {
    const first = this.waiting.entries().next();
    if (first.done) {
      this.running--;
      return;
    }
    const [source, line] = first.value;
    this.waiting.delete(source);
    const resolve = line.shift()!;
    if (line.length) this.waiting.set(source, line);
    this.queued--;
    resolve();
  }
}

const fromEnv = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};

/**
 * The process's pool: CLINIGRAPH_HASH_CONCURRENCY hashes at once (default: one core fewer than there are, at least one, so the
 * event loop keeps a core for everything else a sign-in does), CLINIGRAPH_HASH_QUEUE waiting (default 200).
 */
export const hashingPool = new HashingPool(
  fromEnv('CLINIGRAPH_HASH_CONCURRENCY', Math.max(1, availableParallelism() - 1)),
  fromEnv('CLINIGRAPH_HASH_QUEUE', 200),
);
