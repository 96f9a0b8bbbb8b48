import { type SessionEndedPayload, Topics } from '@clinigraph/kit';
import type { EventTail } from '@clinigraph/kit/event-tail';
import { CloseCode } from 'graphql-ws';
import type { WebSocket } from 'ws';

/** graphql-ws's "Unauthorized": the client does not reconnect with the same token by itself. */
export const CLOSE_SESSION_ENDED = CloseCode.Unauthorized;

/**
 * The open websockets of each sign-in session, closed as soon as people ends the session (sign-out,
 * deactivation, password change, ended from a sessions list): the `session.ended` event reaches every
 * gateway through its event tail, in distributed mode too.
 */
export class SessionSockets {
  readonly #bySession = new Map<string, Set<WebSocket>>();

  track(socket: WebSocket, sessionId: string | null | undefined): void {
    if (!sessionId) return;
    let sockets = this.#bySession.get(sessionId);
    if (!sockets) {
      sockets = new Set();
      this.#bySession.set(sessionId, sockets);
    }
    sockets.add(socket);
    socket.once('close', () => {
      sockets.delete(socket);
      if (sockets.size === 0 && this.#bySession.get(sessionId) === sockets) this.#bySession.delete(sessionId);
    });
  }

  /** Follows the event log; returns the function that stops following it. */
  listen(tail: EventTail | null): () => void {
    if (!tail) return () => {};
    return tail.onEvents((rows) => {
      for (const row of rows) {
        if (row.topic !== Topics.sessionEnded) continue;
        for (const sessionId of (row.payload as unknown as SessionEndedPayload).sessionIds ?? []) this.end(sessionId);
      }
    });
  }

  end(sessionId: string): void {
    for (const socket of this.#bySession.get(sessionId) ?? []) socket.close(CLOSE_SESSION_ENDED, 'Session ended');
  }
}
