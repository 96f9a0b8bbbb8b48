import { Navigate } from '@solidjs/router';
import { Show } from 'solid-js';
import { useApp } from '../lib/app-context.ts';
import { AREAS, areasFor } from '../lib/roles.ts';

/** `/`: the first area this person may use, or sign-in. */
export function Home() {
  const { session } = useApp();
  const start = () => {
    const account = session.account();
    if (!account) return '/sign-in';
    const [first] = areasFor(account.roles);
    return first ? AREAS[first].path : '/no-access';
  };
  return (
    <Show when={start()} keyed>
      {(href) => <Navigate href={href} />}
    </Show>
  );
}
