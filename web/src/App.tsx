import { type MemoryHistory, MemoryRouter, Router } from '@solidjs/router';
import { Provider } from '@urql/solid';
import { onCleanup } from 'solid-js';
import { AppContext } from './lib/app-context.ts';
import { type ClientOptions, createGraphQLClient } from './lib/client.ts';
import { createSession, type Session } from './lib/session.ts';
import { shareSessionAcrossTabs, type TabChannel } from './lib/tab-sessions.ts';
import { AppRoutes } from './shell/routes.tsx';
import { Shell } from './shell/Shell.tsx';

/** The whole app: session, GraphQL client (HTTP + live socket) and routes. Tests pass a memory history and a fake fetch. */
export function App(props: ClientOptions & { session?: Session; history?: MemoryHistory; tabChannel?: TabChannel | null }) {
  const session = props.session ?? createSession();
  const { client, live } = createGraphQLClient(session, props);
  const stopSharing = shareSessionAcrossTabs(session, { url: props.url, fetch: props.fetch, channel: props.tabChannel });
  onCleanup(() => {
    stopSharing();
    live.dispose();
  });
  return (
    <AppContext.Provider value={{ session, live }}>
      <Provider value={client}>
        {props.history ? (
          <MemoryRouter history={props.history} root={Shell}>
            <AppRoutes />
          </MemoryRouter>
        ) : (
          <Router root={Shell}>
            <AppRoutes />
          </Router>
        )}
      </Provider>
    </AppContext.Provider>
  );
}
