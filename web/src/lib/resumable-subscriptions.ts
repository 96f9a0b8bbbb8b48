import type { ExecutionResult, SubscriptionForwarder } from '@urql/core';
import { type CursorStore, cursorKey } from './cursors.ts';
import type { LiveSocket } from './live-socket.ts';

/** Server answers that end a live stream and ask the client to come back with its last cursor. */
const RESUMABLE = new Set(['UNAUTHENTICATED', 'TOO_MANY_REQUESTS', 'INTERNAL_SERVER_ERROR']);

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function endingCode(result: ExecutionResult): string | null {
  const first = result.data ? Object.values(result.data as Record<string, unknown>)[0] : null;
  if (first) return null;
  const code = result.errors?.map((e) => (e as { extensions?: { code?: string } }).extensions?.code).find((c) => c && RESUMABLE.has(c));
  return code ?? null;
}

/**
 * The cursor the server sends when it ends a stream (the gateway does when the token ran out): every
 * event before it was delivered, so resuming after it misses nothing, even for a subscription that had
 * not received any event yet (a board just moved to another day).
 */
function endingCursor(result: ExecutionResult): string | null {
  const cursor = result.errors?.map((e) => (e as { extensions?: { cursor?: unknown } }).extensions?.cursor).find((c) => typeof c === 'string');
  return typeof cursor === 'string' ? cursor : null;
}

/** The event's cursor: the `cursor` field of the subscription's payload (alias it when a type calls it otherwise). */
function cursorOf(result: ExecutionResult): string | null {
  const first = result.data ? Object.values(result.data as Record<string, unknown>)[0] : null;
  const cursor = first && typeof first === 'object' ? (first as { cursor?: unknown }).cursor : null;
  return typeof cursor === 'string' ? cursor : null;
}

/**
 * urql's forwardSubscription over the live socket, resuming from the last cursor. The payload's
 * variables are read each time graphql-ws sends them, so a reconnect (which resends the same
 * subscription) carries `after` = the last cursor seen, and the server replays what was missed. When
 * the server ends a stream because the token expired (or the client fell behind), the session is
 * refreshed and the subscription starts again from its cursor (the badge says "Reconnecting…" meanwhile).
 * A stream that ends for good (an error, the server completing it, a session that could not be renewed)
 * passes its errors on and counts as stopped until the page lets go of it, so the badge never says
 * "Live" over data that no longer updates.
 */
export function resumableSubscriptions(live: LiveSocket, cursors: CursorStore, { retryMs = 1000 }: { retryMs?: number } = {}): SubscriptionForwarder {
  return (request) => ({
    subscribe(sink) {
      const key = cursorKey(request.query ?? '', request.variables);
      const variables = () => {
        const cursor = cursors.get(key);
        return cursor ? { ...request.variables, after: cursor } : { ...request.variables };
      };
      let stopped = false;
      let endedForGood = false;
      let resuming = false;
      let dispose: () => void = () => {};
      const setResuming = (now: boolean) => {
        if (resuming !== now) live.resuming(now ? 1 : -1);
        resuming = now;
      };
      const finish = () => {
        if (stopped) return false;
        stopped = true;
        setResuming(false);
        live.track(-1);
        return true;
      };
      /** The stream will not resume: say why (if the server did) and count it as stopped while it is shown. */
      const endForGood = (errors?: ExecutionResult['errors']) => {
        if (!finish()) return;
        endedForGood = true;
        live.ended(1);
        if (errors?.length) sink.next({ errors } as ExecutionResult);
      };
      let failures = 0;
      const start = () => {
        let ending: string | null = null;
        dispose = live.client.subscribe(
          {
            query: request.query ?? '',
            operationName: request.operationName,
            extensions: request.extensions,
            get variables() {
              return variables();
            },
          },
          {
            next(result) {
              ending = endingCode(result as ExecutionResult);
              if (ending) {
                const resumeAfter = endingCursor(result as ExecutionResult);
                if (resumeAfter) cursors.set(key, resumeAfter);
                return;
              }
              failures = 0;
              const cursor = cursorOf(result as ExecutionResult);
              if (cursor) cursors.set(key, cursor);
              sink.next(result as ExecutionResult);
            },
            error: (err) => endForGood(Array.isArray(err) ? err : [{ message: 'Live updates stopped' }]),
            complete: () => {
              if (stopped) return;
              if (!ending) return endForGood();
              void resume(ending);
            },
          },
        );
      };
      const resume = async (code: string) => {
        failures += 1;
        setResuming(true);
        if (code === 'UNAUTHENTICATED') {
          if (!(await live.renew())) return endForGood([{ message: 'Your session has ended', extensions: { code } }]);
        } else await sleep(Math.min(retryMs * failures, 15_000));
        if (stopped) return;
        setResuming(false);
        start();
      };
      live.track(1);
      start();
      return {
        unsubscribe() {
          if (finish()) dispose();
          if (endedForGood) live.ended(-1);
          endedForGood = false;
        },
      };
    },
  });
}
