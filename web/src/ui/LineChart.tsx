import { For, Show } from 'solid-js';
import { formatDateTime, formatShortDay, withZone } from '../lib/format.ts';

export interface Point {
  at: string;
  value: number;
}

const W = 480;
const H = 180;
const PAD = { top: 12, right: 12, bottom: 24, left: 40 };

/** A small SVG line chart of values over time (days and times in `timeZone`), with a table fallback for screen readers. */
export function LineChart(props: { title: string; unit?: string; points: Point[]; band?: { low: number; high: number }; timeZone?: string }) {
  const times = () => props.points.map((p) => Date.parse(p.at));
  const values = () => props.points.map((p) => p.value);
  const yRange = () => {
    const all = [...values(), ...(props.band ? [props.band.low, props.band.high] : [])];
    const min = Math.min(...all);
    const max = Math.max(...all);
    const pad = (max - min || Math.abs(max) || 1) * 0.1;
    return [min - pad, max + pad] as const;
  };
  const x = (t: number) => {
    const [first, last] = [Math.min(...times()), Math.max(...times())];
    return PAD.left + (last === first ? (W - PAD.left - PAD.right) / 2 : ((t - first) / (last - first)) * (W - PAD.left - PAD.right));
  };
  const y = (v: number) => {
    const [min, max] = yRange();
    return H - PAD.bottom - ((v - min) / (max - min)) * (H - PAD.top - PAD.bottom);
  };
  const path = () => props.points.map((p, i) => `${i ? 'L' : 'M'}${x(Date.parse(p.at)).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const day = (iso: string) => formatShortDay(iso, props.timeZone);
  return (
    <figure class="chart">
      <figcaption>{props.title}</figcaption>
      <Show when={props.points.length} fallback={<p class="empty">No measurements yet.</p>}>
        <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${props.title}: ${props.points.length} measurements`}>
          <Show when={props.band}>
            {(band) => (
              <rect class="band" x={PAD.left} width={W - PAD.left - PAD.right} y={y(band().high)} height={Math.max(0, y(band().low) - y(band().high))} />
            )}
          </Show>
          <line class="axis" x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={H - PAD.bottom} />
          <line class="axis" x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} />
          <text class="tick" x={PAD.left - 4} y={y(yRange()[1]) + 10} text-anchor="end">
            {Math.round(yRange()[1])}
          </text>
          <text class="tick" x={PAD.left - 4} y={y(yRange()[0])} text-anchor="end">
            {Math.round(yRange()[0])}
          </text>
          <path class="line" d={path()} />
          <For each={props.points}>{(p) => <circle class="dot" cx={x(Date.parse(p.at))} cy={y(p.value)} r="3" />}</For>
          <text class="tick" x={PAD.left} y={H - 6}>
            {day(props.points[0]!.at)}
          </text>
          <text class="tick" x={W - PAD.right} y={H - 6} text-anchor="end">
            {day(props.points[props.points.length - 1]!.at)}
          </text>
        </svg>
        <table class="visually-hidden">
          <caption>{withZone(props.title, props.timeZone)}</caption>
          <tbody>
            <For each={props.points}>
              {(p) => (
                <tr>
                  <td>{formatDateTime(p.at, props.timeZone)}</td>
                  <td>
                    {p.value} {props.unit ?? ''}
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </figure>
  );
}
