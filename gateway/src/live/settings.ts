/** Limits of the live (graphql-ws) endpoint; every one is per gateway process. */
export interface LiveLimits {
  /** Open sockets per client IP; past it the handshake is refused with HTTP 429. */
  maxConnectionsPerIp: number;
  /** Open sockets per signed-in user (one per browser tab); past it the socket closes with `CLOSE_TOO_MANY_CONNECTIONS`. */
  maxConnectionsPerUser: number;
  /** How long a socket may stay open before its `connection_init` (graphql-ws closes it with 4408). */
  connectionInitWaitMs: number;
  /** Messages per second per socket, with bursts of as many; past it the socket closes with `CLOSE_TOO_MANY_MESSAGES`. */
  maxMessagesPerSecond: number;
  /** Live subscriptions open at once on one socket; more are refused with TOO_MANY_REQUESTS, the socket kept. */
  maxSubscriptionsPerConnection: number;
  /** The largest message accepted, in bytes (as the HTTP body limit); a larger one closes the socket with 1009. */
  maxMessageBytes: number;
}

export const defaultLiveLimits: LiveLimits = {
  // Generous: a clinic's staff may share one address behind NAT, each with a few tabs.
  maxConnectionsPerIp: 100,
  maxConnectionsPerUser: 10,
  connectionInitWaitMs: 3_000,
  maxMessagesPerSecond: 50,
  maxSubscriptionsPerConnection: 25,
  maxMessageBytes: 1024 * 1024,
};

/** Close codes of our own, next to graphql-ws's 44xx (4429 there means a second connection_init). */
export const CLOSE_TOO_MANY_CONNECTIONS = 4430;
export const CLOSE_TOO_MANY_MESSAGES = 4431;
