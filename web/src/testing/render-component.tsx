import { createMemoryHistory, MemoryRouter, Route } from '@solidjs/router';
import { render } from '@solidjs/testing-library';
import { Provider } from '@urql/solid';
import type { JSX } from 'solid-js';
import { AppContext } from '../lib/app-context.ts';
import { createGraphQLClient } from '../lib/client.ts';
import { type Account, createSession } from '../lib/session.ts';
import { fakeGateway, type Handler } from './fake-gateway.ts';
import { fakeLiveServer } from './fake-socket.ts';
import { memoryStorage } from './memory-storage.ts';
import { authPayload, FACILITY } from './render-app.tsx';

/** Renders one component with the app's services (session, urql client, live socket, router) around it. */
export function renderComponent(ui: () => JSX.Element, options: { account?: Account; handlers?: Record<string, Handler>; path?: string; route?: string } = {}) {
  const session = createSession(memoryStorage());
  if (options.account) session.signIn(authPayload(options.account));
  const gateway = fakeGateway({ Facilities: () => ({ data: { facilities: [FACILITY] } }), ...options.handlers });
  const live = fakeLiveServer();
  const { client, live: socket } = createGraphQLClient(session, { url: 'http://gateway.test/graphql', fetch: gateway.fetch, webSocketImpl: live.WebSocket });
  const history = createMemoryHistory();
  history.set({ value: options.path ?? '/' });
  const view = render(() => (
    <AppContext.Provider value={{ session, live: socket }}>
      <Provider value={client}>
        <MemoryRouter history={history}>
          <Route path={options.route ?? '*'} component={ui} />
        </MemoryRouter>
      </Provider>
    </AppContext.Provider>
  ));
  return { ...view, session, gateway, live, socket, history };
}
