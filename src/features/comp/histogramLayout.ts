// Scales for the attainment histogram: D3 does the maths, the Svelte component draws.
import { scaleBand, scaleLinear } from 'd3';
import type { HistogramBin } from './core/stats';

export interface HistogramLayout {
  readonly x: (from: number) => number;
  readonly bandwidth: number;
  readonly y: (count: number) => number;
  readonly ticks: readonly number[];
}

export function histogramLayout(
  bins: readonly HistogramBin[],
  others: readonly HistogramBin[],
  width: number,
  height: number,
  m: { top: number; right: number; bottom: number; left: number },
): HistogramLayout {
  const band = scaleBand<number>()
    .domain(bins.map((b) => b.from))
    .range([m.left, width - m.right])
    .padding(0.15);
  const max = Math.max(1, ...bins.map((b) => b.count), ...others.map((b) => b.count));
  const y = scaleLinear()
    .domain([0, max])
    .nice()
    .range([height - m.bottom, m.top]);
  return {
    x: (from) => band(from) ?? 0,
    bandwidth: band.bandwidth(),
    y: (c) => y(c),
    ticks: y.ticks(4).filter(Number.isInteger),
  };
}
