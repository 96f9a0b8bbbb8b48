import { type JSX, Show } from 'solid-js';
import { UNAVAILABLE } from '../lib/unavailable.ts';

/**
 * A part of a screen that another service adds (a patient's visits, which care holds, on a chart that
 * people answers): its content, or a line saying it is unavailable while that service is down. The
 * rest of the screen stays.
 */
export function Available<T extends object>(props: { value: T | null | undefined; what: string; children: (value: () => T) => JSX.Element }) {
  return (
    <Show when={props.value} fallback={<p class="empty">{`${props.what} ${UNAVAILABLE} right now.`}</p>}>
      {(value) => props.children(value)}
    </Show>
  );
}
