import type { JSX } from 'solid-js';

/**
 * The frame of every data table: a table wider than the screen (a phone, a tablet) scrolls sideways inside
 * it instead of widening the page. A scrolling region must be reachable by keyboard and named (axe's
 * scrollable-region-focusable), so it is a focusable section with a name (a region).
 */
export function ScrollTable(props: { label: string; children: JSX.Element }) {
  return (
    <section class="table-scroll" aria-label={props.label} tabindex="0">
      {props.children}
    </section>
  );
}
