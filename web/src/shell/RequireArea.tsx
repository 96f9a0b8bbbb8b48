import { Navigate, useLocation } from '@solidjs/router';
import { type JSX, Match, Switch } from 'solid-js';
import { useApp } from '../lib/app-context.ts';
import { type Area, canEnter } from '../lib/roles.ts';
import { NotAllowed } from './NotAllowed.tsx';

/**
 * Lets only the roles of an area see its pages. Signed out: to sign-in, coming back here after.
 * Wrong role: a plain refusal, and the area's code is never even loaded. The API refuses anyway.
 */
export function RequireArea(props: { area: Area; children?: JSX.Element }) {
  const { session } = useApp();
  const location = useLocation();
  const next = () => encodeURIComponent(location.pathname + location.search);
  return (
    <Switch>
      <Match when={!session.account() && session.joining()}>
        <p class="muted" role="status">
          Opening your session…
        </p>
      </Match>
      <Match when={!session.account()}>
        <Navigate href={`/sign-in?next=${next()}`} />
      </Match>
      <Match when={!canEnter(props.area, session.account()!.roles)}>
        <NotAllowed />
      </Match>
      <Match when={true}>{props.children}</Match>
    </Switch>
  );
}
