import { A } from '@solidjs/router';
import { createMutation, createQuery } from '@urql/solid';
import { createSignal, For, Show } from 'solid-js';
import { useFacilityZone } from '../../features/facilities.ts';
import { formatZonedDateTime } from '../../lib/format.ts';
import { graphql } from '../../lib/graphql.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Loaded } from '../../ui/Loaded.tsx';

export const MY_NOTIFICATIONS = graphql(`
  query MyNotifications($unreadOnly: Boolean) {
    notifications(unreadOnly: $unreadOnly) { id kind title body appointmentId offerId createdAt readAt }
  }
`);

export const MARK_READ = graphql(`
  mutation MarkNotificationRead($id: ID!) { markNotificationRead(id: $id) { id readAt } }
`);

/** The patient's messages: reminders and waitlist offers, newest first; unread ones stand out until marked read. */
export function Notifications() {
  const zone = useFacilityZone();
  const [unreadOnly, setUnreadOnly] = createSignal(false);
  const [result, refetch] = createQuery({ query: MY_NOTIFICATIONS, variables: () => ({ unreadOnly: unreadOnly() }) });
  const [marked, markRead] = createMutation(MARK_READ);
  const read = async (id: string) => {
    const r = await markRead({ id });
    if (r.data) refetch({ requestPolicy: 'network-only' });
  };
  const unread = () => (result.data?.notifications ?? []).filter((n) => !n.readAt).length;
  return (
    <section class="page" aria-labelledby="inbox-title">
      <h1 id="inbox-title">Messages {unread() ? <small>({unread()} unread)</small> : null}</h1>
      <label class="check">
        <input type="checkbox" checked={unreadOnly()} onChange={(e) => setUnreadOnly(e.currentTarget.checked)} /> Unread only
      </label>
      <ErrorNotice error={marked.error} />
      <Loaded result={result} isEmpty={(d) => !d.notifications.length} empty="No messages.">
        {(data) => (
          <ul class="cards">
            <For each={data().notifications}>
              {(n) => (
                <li class="card" classList={{ unread: !n.readAt }} data-notification={n.id}>
                  <h2>{n.title}</h2>
                  <p>{n.body}</p>
                  <p>
                    <small>{formatZonedDateTime(n.createdAt, zone())}</small>
                  </p>
                  <Show when={n.offerId || n.appointmentId}>
                    <A href="/portal">See my appointments</A>
                  </Show>
                  <Show when={!n.readAt}>
                    <button type="button" class="secondary" onClick={() => read(n.id)} disabled={marked.fetching}>
                      Mark “{n.title}” read
                    </button>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        )}
      </Loaded>
    </section>
  );
}
