/**
 * The idempotency key of one user action (a booking, a payment): made when the action is first submitted and
 * sent again while the person retries the same thing (after a timeout or a dropped connection), so the
 * server answers the first result instead of writing twice. Changing what is submitted, or a success,
 * starts a new action with a new key.
 */
export function actionKeys() {
  let current: { input: string; key: string } | null = null;
  return {
    /** The key for submitting `input` now. */
    keyFor(input: unknown): string {
      const text = JSON.stringify(input);
      if (current?.input !== text) current = { input: text, key: crypto.randomUUID() };
      return current.key;
    },
    /** The action went through: the next submit is a new one. */
    succeeded(): void {
      current = null;
    },
  };
}
