import type { Database } from './db/connect.ts';
import { EVENTS_CHANNEL, type EventRow, readEventBatch } from './events.ts';
import { HeldRetry } from './held-retry.ts';
import { log } from './log.ts';

export type EventListener = (rows: EventRow[]) => void;

export interface EventTailOptions {
  /** A safety-net poll, in case a notification is lost (e.g. while a connection was re-established). */
  pollMs?: number;
  batch?: number;
}

/**
 * Follows the event log in id order: one reader per process, woken by NOTIFY on commit (with a poll
 * as a safety net), handing every new committed row to its listeners. It reads only below the read
 * horizon (`readEventBatch`), where ids are final, so "every row after the last one seen" never skips a
 * row that commits late. The gateway's live subscriptions fan out from here.
 */
export class EventTail {
  #position: bigint;
  readonly #listeners = new Set<EventListener>();
  #pumping: Promise<void> | null = null;
  #again = false;
  #stopped = false;
  #unlisten: (() => Promise<void>) | null = null;
  #timer: ReturnType<typeof setInterval> | null = null;
  /** The last read left committed rows waiting behind an older running transaction. */
  #held = false;
  readonly #retry = new HeldRetry(() => this.wake());

  private constructor(
    private readonly database: Database,
    start: bigint,
    private readonly batch: number,
  ) {
    this.#position = start;
  }

  /**
   * Starts at the current read horizon: listeners get every row that is not final yet, i.e. what commits
   * from now on (and possibly a few rows that committed a moment ago, while an older transaction ran).
   */
  static async start(database: Database, { pollMs = 2000, batch = 500 }: EventTailOptions = {}): Promise<EventTail> {
    const [row] = await database.query<{ start: string }>('select (events.read_horizon() - 1)::text as start');
    const tail = new EventTail(database, BigInt(row?.start ?? '0'), batch);
    tail.#unlisten = await database.listen(EVENTS_CHANNEL, (payload) => {
      try {
        const { id } = JSON.parse(payload) as { id?: string };
        if (id && BigInt(id) <= tail.#position) return;
      } catch {}
      tail.wake();
    });
    tail.#timer = setInterval(() => tail.wake(), pollMs);
    tail.#timer.unref();
    return tail;
  }

  /** The id of the last row handed to listeners. */
  get position(): bigint {
    return this.#position;
  }

  /** Adds a listener; it sees rows after the current position. Returns the function that removes it. */
  onEvents(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** Reads whatever was committed since the last read (coalescing concurrent wake-ups). */
  wake(): void {
    if (this.#stopped) return;
    if (this.#pumping) {
      this.#again = true;
      return;
    }
    this.#pumping = this.#drain()
      .catch((err) => log.error({ err }, 'event tail read failed; will retry'))
      .finally(() => {
        this.#pumping = null;
        if (this.#again) {
          this.#again = false;
          this.wake();
        }
      });
  }

  /**
   * Resolves once everything committed before the call has been handed out (waiting, when rows are held,
   * for the older transactions they wait behind).
   */
  async caughtUp(): Promise<void> {
    for (;;) {
      this.wake();
      while (this.#pumping) await this.#pumping;
      if (!this.#held || this.#stopped) return;
      await this.#retry.pause();
    }
  }

  async #drain(): Promise<void> {
    while (!this.#stopped) {
      const { rows, held } = await readEventBatch(this.database.db, this.#position, null, this.batch);
      this.#held = held;
      this.#retry.after(held);
      if (!rows.length) return;
      this.#position = rows.at(-1)!.id;
      for (const listener of this.#listeners) {
        try {
          listener(rows);
        } catch (err) {
          log.error({ err }, 'event listener failed');
        }
      }
      if (rows.length < this.batch) return;
    }
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#retry.stop();
    if (this.#timer) clearInterval(this.#timer);
    await this.#unlisten?.();
    await this.#pumping;
  }
}
