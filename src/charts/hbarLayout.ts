// Horizontal bar layout: D3 scales and ticks, positions rounded to 0.1 px so that SVG
// snapshots are deterministic. The Svelte component owns the DOM.
import { scaleBand, scaleLinear } from 'd3';

export interface HBar {
  readonly key: string;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly compareWidth: number | null;
}

export interface HBarLayout {
  readonly bars: readonly HBar[];
  readonly ticks: readonly { x: number; value: number }[];
  readonly x0: number;
  readonly height: number;
}

export const round1 = (n: number): number => Math.round(n * 10) / 10;

export function hbarLayout(
  rows: readonly { key: string; value: number; compare?: number | null }[],
  width: number,
  labelWidth: number,
  rowHeight = 26,
): HBarLayout {
  const top = 8;
  const bottom = 36;
  const height = top + rows.length * rowHeight + bottom;
  const max = Math.max(0, ...rows.map((r) => Math.max(r.value, r.compare ?? 0)));
  const x = scaleLinear()
    .domain([0, max > 0 ? max : 1])
    .nice(4)
    .range([labelWidth, Math.max(labelWidth + 40, width - 28)]);
  const y = scaleBand<string>()
    .domain(rows.map((r) => r.key))
    .range([top, top + rows.length * rowHeight])
    .padding(0.2);
  const bars = rows.map((r) => ({
    key: r.key,
    y: round1(y(r.key) ?? 0),
    width: round1(Math.max(0, x(r.value) - x(0))),
    height: round1(y.bandwidth()),
    compareWidth: r.compare === undefined || r.compare === null ? null : round1(Math.max(0, x(r.compare) - x(0))),
  }));
  return { bars, ticks: x.ticks(4).map((value) => ({ value, x: round1(x(value)) })), x0: round1(x(0)), height };
}
