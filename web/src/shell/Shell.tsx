import { A, type RouteSectionProps, useLocation } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { useApp } from '../lib/app-context.ts';
import { AREAS, type Area, areasFor } from '../lib/roles.ts';
import { ConnectionBadge } from '../ui/ConnectionBadge.tsx';
import { AREA_NAV } from './area-nav.ts';
import { SignOutButton } from './SignOutButton.tsx';

/** The frame of every page: skip link, the menu of the areas this person may use, live state, sign-out. */
export function Shell(props: RouteSectionProps) {
  const { session, live } = useApp();
  const location = useLocation();
  const areas = () => areasFor(session.account()?.roles ?? []);
  const current = (): Area | undefined => areas().find((a) => location.pathname === AREAS[a].path || location.pathname.startsWith(`${AREAS[a].path}/`));
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="app-header">
        <A href="/" class="brand">
          Clinigraph
        </A>
        <Show when={session.account()}>
          {(account) => (
            <>
              <nav aria-label="Areas" class="areas">
                <For each={areas()}>
                  {(area) => (
                    <A href={AREAS[area].path} activeClass="active" end={false}>
                      {AREAS[area].label}
                    </A>
                  )}
                </For>
              </nav>
              <div class="account">
                <ConnectionBadge state={live.state()} />
                <A href="/account" class="who" title="My account: change your password">
                  {account().displayName}
                </A>
                <A href="/account/sessions" class="who" title="Where you are signed in, and your recent sign-ins">
                  Sessions
                </A>
                <SignOutButton />
              </div>
            </>
          )}
        </Show>
      </header>
      <Show when={current()}>
        {(area) => (
          <nav aria-label={`${AREAS[area()].label} pages`} class="subnav">
            <For each={AREA_NAV[area()]}>
              {(item) => (
                <A href={item.href} activeClass="active" end>
                  {item.label}
                </A>
              )}
            </For>
          </nav>
        )}
      </Show>
      <main id="main" tabindex="-1">
        {props.children}
      </main>
    </>
  );
}
