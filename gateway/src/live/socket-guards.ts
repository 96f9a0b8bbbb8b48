import type { IncomingMessage } from 'node:http';
import { type VerifyClientCallbackAsync, WebSocket, type WebSocketServer } from 'ws';
import { ConnectionCounter } from './connection-caps.ts';
import { MessageRate } from './message-rate.ts';
import { CLOSE_TOO_MANY_CONNECTIONS, CLOSE_TOO_MANY_MESSAGES, type LiveLimits } from './settings.ts';

/** The connection and message limits of the websocket endpoint, before graphql-ws reads a message. */
export interface SocketGuards {
  /** ws's handshake check: past the per-IP cap the upgrade is refused with HTTP 429. */
  verifyClient: VerifyClientCallbackAsync<IncomingMessage>;
  /**
   * Counts every socket's messages; attach it before graphql-ws so the count runs first, and a socket
   * over its rate is already closing when graphql-ws handles the message (see `isOpen`).
   */
  watch(wss: WebSocketServer): void;
  /** Takes one of the user's connection slots until the socket closes; past the cap closes it with 4430 and returns false. */
  admitUser(socket: WebSocket, userId: string): boolean;
}

/** The socket still serves operations (not closed for its rate, its cap or by either side). */
export const isOpen = (socket: WebSocket) => socket.readyState === WebSocket.OPEN;

export function socketGuards(limits: LiveLimits, clientIp: (req: IncomingMessage) => string | null): SocketGuards {
  const perIp = new ConnectionCounter(limits.maxConnectionsPerIp);
  const perUser = new ConnectionCounter(limits.maxConnectionsPerUser);
  return {
    verifyClient: ({ req }, done) => {
      // Counted here, in the same step as the check, and given back when the TCP connection closes,
      // whether the upgrade completes or not.
      const release = perIp.take(`ip:${clientIp(req) ?? ''}`);
      if (!release) return done(false, 429, 'Too many connections from this address', { 'retry-after': '60' });
      req.socket.once('close', release);
      done(true);
    },
    watch: (wss) => {
      wss.on('connection', (socket) => {
        const rate = new MessageRate(limits.maxMessagesPerSecond);
        socket.on('message', () => {
          if (!rate.take() && isOpen(socket)) socket.close(CLOSE_TOO_MANY_MESSAGES, 'Too many messages');
        });
      });
    },
    admitUser: (socket, userId) => {
      const release = perUser.take(`user:${userId}`);
      if (!release) {
        socket.close(CLOSE_TOO_MANY_CONNECTIONS, 'Too many connections for this user');
        return false;
      }
      socket.once('close', release);
      return true;
    },
  };
}
