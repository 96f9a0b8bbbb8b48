import type { CombinedError } from '@urql/core';
import { type JSX, Match, Show, Switch } from 'solid-js';
import { isPresent, type Present, UNAVAILABLE } from '../lib/unavailable.ts';
import { ErrorNotice } from './ErrorNotice.tsx';

interface ResultLike<T> {
  data?: T;
  error?: CombinedError;
  fetching: boolean;
}

/**
 * What a query shows while it loads, when it fails, when it finds nothing, and when it has data.
 * It shows its children only when every root field of the answer is present; a missing one shows the
 * error that says why (its service is unavailable, or the record is not found), as a failed query does.
 * `isEmpty` decides the empty state; `children` gets the data as an accessor, so it updates in place.
 */
export function Loaded<T extends object>(props: {
  result: ResultLike<T>;
  isEmpty?: (data: Present<T>) => boolean;
  empty?: string;
  loading?: string;
  children: (data: () => Present<T>) => JSX.Element;
}) {
  const data = () => props.result.data;
  const present = (): Present<T> | undefined => {
    const answer = data();
    return answer != null && isPresent(answer) ? answer : undefined;
  };
  return (
    <Switch>
      <Match when={props.result.error && !present()}>
        <ErrorNotice error={props.result.error} />
      </Match>
      <Match when={!data()}>
        <p class="loading" role="status" aria-live="polite">
          {props.loading ?? 'Loading…'}
        </p>
      </Match>
      <Match when={!present()}>
        <p class="empty">{`This is ${UNAVAILABLE} right now.`}</p>
      </Match>
      <Match when={present()}>
        {(d) => (
          <Show when={!props.isEmpty?.(d())} fallback={<p class="empty">{props.empty ?? 'Nothing here yet.'}</p>}>
            {props.children(d)}
          </Show>
        )}
      </Match>
    </Switch>
  );
}
