import { Client, cacheExchange, fetchExchange, mapExchange, subscriptionExchange } from '@urql/core';
import { sessionAuthExchange } from './auth-exchange.ts';
import { createCursorStore } from './cursors.ts';
import { createLiveSocket, type LiveSocket } from './live-socket.ts';
import { createRefresher } from './refresh-session.ts';
import { resumableSubscriptions } from './resumable-subscriptions.ts';
import type { Session } from './session.ts';

export interface ClientOptions {
  url?: string;
  fetch?: typeof globalThis.fetch;
  webSocketImpl?: unknown;
  /** The first wait before the live socket reconnects (it backs off from there). */
  liveRetryMs?: number;
}

/**
 * The app's urql client: queries and mutations over HTTP with the session's token (refreshed when it
 * runs out), subscriptions over graphql-ws resuming from their last cursor. An UNAUTHENTICATED answer
 * that a refresh cannot cure ends the session, which sends the app back to sign-in.
 *
 * Keeping lists right after mutations: urql's document cache, with every query that shows a list
 * declaring the types that list holds (`context: listsOf('Vitals', 'Diagnosis')`, lib/lists.ts). A
 * mutation result of one of those types refetches the query from the network, also when its list
 * was empty (the case the document cache alone misses, having no typename to key on). Chosen over
 * a normalised cache (@urql/exchange-graphcache) because that one needs an update function for each
 * of the API's ~200 mutations to insert into the right list under the right arguments, and a
 * missing or wrong one silently shows a stale list; with health data a refetch costs one request
 * and is always right. Data other people change (a patient's refill request, a booking) comes
 * through live subscriptions or a periodic refetch, since no cache can learn of it.
 */
export function createGraphQLClient(session: Session, options: ClientOptions = {}): { client: Client; live: LiveSocket } {
  const url = options.url ?? '/graphql';
  const refresher = createRefresher(session, { url, fetch: options.fetch });
  const live = createLiveSocket({ url, session, refresher, webSocketImpl: options.webSocketImpl, retryBaseMs: options.liveRetryMs });
  const client = new Client({
    url,
    fetch: options.fetch,
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    exchanges: [
      mapExchange({
        onError(error, operation) {
          const unauthenticated = error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
          if (unauthenticated && operation.kind !== 'mutation' && session.account()) session.signOut('expired');
        },
      }),
      cacheExchange,
      sessionAuthExchange(session, refresher),
      fetchExchange,
      subscriptionExchange({ forwardSubscription: resumableSubscriptions(live, createCursorStore(), { retryMs: options.liveRetryMs }) }),
    ],
  });
  return { client, live };
}
