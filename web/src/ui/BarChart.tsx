import { For, Show } from 'solid-js';

export interface Bar {
  label: string;
  value: number;
}

/** Horizontal SVG bars with their values written beside them, for reports people skim. */
export function BarChart(props: { title: string; bars: Bar[]; format?: (value: number) => string }) {
  const max = () => Math.max(1, ...props.bars.map((b) => b.value));
  const row = 26;
  const fmt = (v: number) => (props.format ? props.format(v) : String(v));
  return (
    <figure class="chart">
      <figcaption>{props.title}</figcaption>
      <Show when={props.bars.length} fallback={<p class="empty">No data for this period.</p>}>
        <svg viewBox={`0 0 480 ${props.bars.length * row + 4}`} role="img" aria-label={props.title}>
          <For each={props.bars}>
            {(bar, i) => (
              <g transform={`translate(0 ${i() * row})`}>
                <text class="tick" x="0" y="17">
                  {bar.label.length > 18 ? `${bar.label.slice(0, 17)}…` : bar.label}
                </text>
                <rect class="bar" x="130" y="4" height="18" width={Math.max(1, (bar.value / max()) * 250)} />
                <text class="tick" x={136 + (bar.value / max()) * 250} y="17">
                  {fmt(bar.value)}
                </text>
              </g>
            )}
          </For>
        </svg>
      </Show>
    </figure>
  );
}
