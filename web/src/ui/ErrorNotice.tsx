import type { CombinedError } from '@urql/core';
import { For, Show } from 'solid-js';
import { describeError, issueSentence, type Problem } from '../lib/errors.ts';

/** An API error in plain words, announced to screen readers. */
export function ErrorNotice(props: { error?: CombinedError | Problem | string | null }) {
  const problem = (): Problem | null => {
    const e = props.error;
    if (!e) return null;
    if (typeof e === 'string') return { code: 'CLIENT', message: e, fields: {} };
    return 'graphQLErrors' in e ? describeError(e) : e;
  };
  return (
    <Show when={problem()}>
      {(p) => (
        <div role="alert" class="notice error" data-code={p().code}>
          <p>{p().message}</p>
          <Show when={Object.keys(p().fields).length}>
            <ul>
              <For each={Object.entries(p().fields)}>{([field, message]) => <li>{issueSentence(field, message)}</li>}</For>
            </ul>
          </Show>
        </div>
      )}
    </Show>
  );
}
