import type { CombinedError } from '@urql/core';
import { type JSX, Match, Switch } from 'solid-js';
import { ErrorNotice } from './ErrorNotice.tsx';

interface ResultLike<T> {
  data?: T;
  error?: CombinedError;
  fetching: boolean;
}

/**
 * What a query shows while it loads, when it fails, when it finds nothing, and when it has data.
 * `isEmpty` decides the empty state; `children` gets the data as an accessor, so it updates in place.
 */
export function Loaded<T>(props: {
  result: ResultLike<T>;
  isEmpty?: (data: T) => boolean;
  empty?: string;
  loading?: string;
  children: (data: () => T) => JSX.Element;
}) {
  const data = () => props.result.data;
  return (
    <Switch>
      <Match when={props.result.error && !data()}>
        <ErrorNotice error={props.result.error} />
      </Match>
      <Match when={!data()}>
        <p class="loading" role="status" aria-live="polite">
          {props.loading ?? 'Loading…'}
        </p>
      </Match>
      <Match when={props.isEmpty?.(data() as T)}>
        <p class="empty">{props.empty ?? 'Nothing here yet.'}</p>
      </Match>
      <Match when={data()}>{(d) => props.children(d as () => T)}</Match>
    </Switch>
  );
}
