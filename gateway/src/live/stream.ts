import { type Database, type EventRow, readEvents } from '@clinigraph/kit';
import type { EventTail } from '@clinigraph/kit/event-tail';
import { secondsSince } from '@clinigraph/kit/metrics/registry';
import { liveFanoutSeconds, liveSubscribers } from './metrics.ts';

export interface LiveStreamOptions<T> {
  tail: EventTail;
  database: Database;
  topics: readonly string[];
  /** Resume after this event id (replaying what was missed), or null to start from now. */
  after: bigint | null;
  filter(event: EventRow): boolean;
  /** The subscriber's payload for an event, or null to skip it. */
  resolve(event: EventRow): Promise<T | null>;
  /**
   * The last value sent when the stream fails (the session expired, or the client fell too far behind).
   * `handled`: every event up to this id was delivered or is not this subscriber's, so resubscribing
   * after it misses nothing.
   */
  onError(err: unknown, handled: bigint): T;
  /** When the subscriber's token runs out (ms since the epoch): the stream ends then with `SessionExpired`, events or not. */
  expiresAt?: number;
  /** How many events may wait for a slow subscriber before the stream ends (resubscribe with the cursor). */
  maxBacklog?: number;
}

const REPLAY_PAGE = 200;

/** The subscriber's token ran out: it resubscribes with a fresh one (the error carries the cursor to resume from). */
export class SessionExpired extends Error {
  constructor() {
    super('Your session has expired; resubscribe with a fresh token and your last cursor');
  }
}

/** setTimeout's longest delay; a later expiry is checked again when it fires. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export class BacklogExceeded extends Error {
  constructor() {
    super('Too many events are waiting for this subscriber; resubscribe with your last cursor');
  }
}

/**
 * One subscriber's stream: replays the log after its cursor, then goes live, in id order, each event
 * once. It registers with the tail before replaying, so an event committed during the replay is either
 * read by the replay or queued from the tail; anything at or before the last id handled is dropped.
 */
export class LiveStream<T> implements AsyncIterableIterator<T> {
  readonly #o: LiveStreamOptions<T>;
  readonly #topics: Set<string>;
  readonly #inbox: EventRow[] = [];
  /** When each live (not replayed) event reached this stream, for the fan-out latency. */
  readonly #arrivals = new WeakMap<EventRow, number>();
  readonly #ready: T[] = [];
  readonly #maxBacklog: number;
  #last: bigint;
  /** Every event up to this id has been delivered (or filtered out): the safe cursor to resume from. */
  #handled: bigint;
  #expiry: ReturnType<typeof setTimeout> | null = null;
  #closed = false;
  #wake: (() => void) | null = null;
  #waiting: ((result: IteratorResult<T>) => void) | null = null;
  readonly #unsubscribe: () => void;

  constructor(options: LiveStreamOptions<T>) {
    this.#o = options;
    this.#topics = new Set(options.topics);
    this.#maxBacklog = options.maxBacklog ?? 5000;
    this.#last = options.after ?? options.tail.position;
    this.#handled = this.#last;
    this.#unsubscribe = options.tail.onEvents((rows) => this.#receive(rows));
    liveSubscribers.inc();
    if (options.expiresAt !== undefined && Number.isFinite(options.expiresAt)) this.#expireAt(options.expiresAt);
    this.#run().catch((err) => this.#fail(err));
  }

  #expireAt(time: number): void {
    const wait = time - Date.now();
    if (wait <= 0) {
      this.#fail(new SessionExpired());
      return;
    }
    this.#expiry = setTimeout(() => this.#expireAt(time), Math.min(wait, MAX_TIMER_MS));
  }

  /** The id of the last event this stream handled (delivered or filtered out). */
  get last(): bigint {
    return this.#last;
  }

  #receive(rows: EventRow[]): void {
    const now = performance.now();
    for (const row of rows)
      if (this.#topics.has(row.topic) && row.id > this.#last) {
        this.#arrivals.set(row, now);
        this.#inbox.push(row);
      }
    if (this.#inbox.length > this.#maxBacklog) this.#fail(new BacklogExceeded());
    this.#wake?.();
  }

  async #run(): Promise<void> {
    if (this.#o.after !== null && !this.#closed) await this.#replay();
    while (!this.#closed) {
      const row = this.#inbox.shift();
      if (row) await this.#consider(row);
      else await new Promise<void>((resolve) => (this.#wake = resolve));
      this.#wake = null;
    }
  }

  async #replay(): Promise<void> {
    for (;;) {
      const rows = await readEvents(this.#o.database.db, this.#last, [...this.#topics], REPLAY_PAGE);
      for (const row of rows) {
        if (this.#closed) return;
        await this.#consider(row);
      }
      if (rows.length < REPLAY_PAGE) return;
    }
  }

  async #consider(row: EventRow): Promise<void> {
    if (row.id <= this.#last) return;
    this.#last = row.id;
    if (this.#o.filter(row)) {
      const value = await this.#o.resolve(row);
      const arrived = this.#arrivals.get(row);
      if (value !== null && arrived !== undefined) liveFanoutSeconds.observe(secondsSince(arrived));
      if (value !== null) this.#push(value);
    }
    if (!this.#closed) this.#handled = row.id;
  }

  #push(value: T): void {
    if (this.#closed) return;
    const waiting = this.#waiting;
    if (waiting) {
      this.#waiting = null;
      waiting({ value, done: false });
      return;
    }
    this.#ready.push(value);
    if (this.#ready.length > this.#maxBacklog) this.#fail(new BacklogExceeded());
  }

  #fail(err: unknown): void {
    if (this.#closed) return;
    this.#ready.length = Math.min(this.#ready.length, this.#maxBacklog);
    this.#push(this.#o.onError(err, this.#handled));
    this.#close();
  }

  #close(): void {
    if (this.#closed) return;
    this.#closed = true;
    liveSubscribers.dec();
    if (this.#expiry) clearTimeout(this.#expiry);
    this.#unsubscribe();
    this.#inbox.length = 0;
    this.#wake?.();
    const waiting = this.#waiting;
    this.#waiting = null;
    waiting?.({ value: undefined, done: true });
  }

  next(): Promise<IteratorResult<T>> {
    const value = this.#ready.shift();
    if (value !== undefined) return Promise.resolve({ value, done: false });
    if (this.#closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.#waiting = resolve));
  }

  async return(): Promise<IteratorResult<T>> {
    this.#ready.length = 0;
    this.#close();
    return { value: undefined, done: true };
  }

  async throw(err: unknown): Promise<IteratorResult<T>> {
    this.#close();
    throw err;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
