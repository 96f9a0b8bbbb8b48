import { onCleanup } from 'solid-js';

/** How often a screen re-reads what other people change while it stays open. */
export const REFETCH_MS = 60_000;

/**
 * Re-reads a query that other people change (a patient's refill request reaching the doctor's day):
 * every `everyMs` while the tab is visible, and at once when the person comes back to the tab. For data
 * with no live feed; the document cache already covers what this screen's own mutations change.
 */
export function refetchWhileOpen(refetch: () => void, everyMs = REFETCH_MS): void {
  const again = () => {
    if (document.visibilityState !== 'hidden') refetch();
  };
  const timer = setInterval(again, everyMs);
  window.addEventListener('focus', again);
  document.addEventListener('visibilitychange', again);
  onCleanup(() => {
    clearInterval(timer);
    window.removeEventListener('focus', again);
    document.removeEventListener('visibilitychange', again);
  });
}
