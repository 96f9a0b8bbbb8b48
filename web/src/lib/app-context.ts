import { createContext, useContext } from 'solid-js';
import type { LiveSocket } from './live-socket.ts';
import type { Session } from './session.ts';

export interface AppServices {
  session: Session;
  live: LiveSocket;
}

export const AppContext = createContext<AppServices>();

/** The signed-in session and the live connection, from the app shell. */
export function useApp(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error('useApp() outside <App>');
  return services;
}
