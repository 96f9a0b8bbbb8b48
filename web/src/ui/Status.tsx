import { type JSX, Show } from 'solid-js';

/** A success or progress message, announced politely. */
export function Status(props: { when: unknown; children: JSX.Element }) {
  return (
    <Show when={props.when}>
      <p role="status" class="notice ok">
        {props.children}
      </p>
    </Show>
  );
}
