/**
 * A token bucket for one socket's messages: `perSecond` tokens a second, holding at most `perSecond`,
 * so a client may send a burst of that many and then that many a second. A few lines, where a rate
 * limiting library would bring a store and timers for what is one counter per socket.
 */
export class MessageRate {
  #tokens: number;
  #at: number;
  constructor(
    private readonly perSecond: number,
    now = Date.now(),
  ) {
    this.#tokens = perSecond;
    this.#at = now;
  }

  /** Counts one message: false once the socket is over its rate. */
  take(now = Date.now()): boolean {
    this.#tokens = Math.min(this.perSecond, this.#tokens + ((now - this.#at) / 1000) * this.perSecond);
    this.#at = now;
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }
}
