/**
 * Open connections per key (an IP, a user), counted and checked in one synchronous step, so a burst of
 * handshakes cannot all pass the check before any of them is counted.
 */
export class ConnectionCounter {
  readonly #open = new Map<string, number>();
  constructor(private readonly max: number) {}

  /** Takes a slot for `key`: the function that gives it back (once, however often called), or null when the key is at its cap. */
  take(key: string): (() => void) | null {
    const open = this.#open.get(key) ?? 0;
    if (open >= this.max) return null;
    this.#open.set(key, open + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.#open.get(key) ?? 1) - 1;
      if (left > 0) this.#open.set(key, left);
      else this.#open.delete(key);
    };
  }
}
