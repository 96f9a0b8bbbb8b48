const FIRST_MS = 5;
const LONGEST_MS = 500;

/**
 * Reads the event log again soon while committed events wait behind an older running transaction (a
 * read's `held`, see `readEventBatch`): that transaction's commit may notify nobody (it need not write an
 * event), so the NOTIFY that woke the reader is not enough. Retries after 5 ms, doubling up to 500 ms
 * while the events stay held; the next read that is not held resets it.
 */
export class HeldRetry {
  #timer: ReturnType<typeof setTimeout> | null = null;
  #delay = FIRST_MS;
  #stopped = false;

  constructor(private readonly read: () => void) {}

  /** After a read: schedules the next one when `held`. */
  after(held: boolean): void {
    if (!held) {
      this.#delay = FIRST_MS;
      return;
    }
    if (this.#timer || this.#stopped) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.read();
    }, this.#delay);
    this.#timer.unref();
    this.#delay = Math.min(this.#delay * 2, LONGEST_MS);
  }

  /** Waits as the next retry would (for callers that must see the held events before they return). */
  async pause(): Promise<void> {
    const delay = this.#delay;
    this.#delay = Math.min(this.#delay * 2, LONGEST_MS);
    await new Promise((resolve) => setTimeout(resolve, delay));
  }

  stop(): void {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
