// D3 does the maths for the forecast charts (scales, paths, ticks); Svelte draws the SVG.
import { area, line, scaleBand, scaleLinear } from 'd3';
import { moneyCompact } from '../../shared/format/display.svelte';
import type { HistoryPoint, WaterfallStep } from './contract';

export interface Box {
  readonly width: number;
  readonly height: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

const tickLabel = (v: number): string => moneyCompact(v);

export interface FanInput {
  readonly history: readonly HistoryPoint[];
  readonly label: string;
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
  /** The recommended method's backtest forecasts, by period start. */
  readonly past: ReadonlyMap<string, number>;
}

export function fanLayout(input: FanInput, box: Box) {
  const keys = [...input.history.map((h) => h.start), 'target'];
  const x = scaleBand<string>()
    .domain(keys)
    .range([box.left, box.width - box.right])
    .padding(0.1);
  const max = Math.max(1, input.p90, ...input.history.map((h) => h.actual), ...input.past.values());
  const y = scaleLinear()
    .domain([0, max])
    .nice(5)
    .range([box.height - box.bottom, box.top]);
  const cx = (k: string) => (x(k) ?? 0) + x.bandwidth() / 2;
  const last = input.history.at(-1);
  const actualPath =
    line<HistoryPoint>()
      .x((h) => cx(h.start))
      .y((h) => y(h.actual))(input.history) ?? '';
  const pastPoints = input.history
    .filter((h) => input.past.has(h.start))
    .map((h) => ({ x: cx(h.start), y: y(input.past.get(h.start) ?? 0) }));
  const bandFrom = last ? { x: cx(last.start), lo: y(last.actual), hi: y(last.actual) } : null;
  const bandTo = { x: cx('target'), lo: y(input.p10), hi: y(input.p90) };
  const band = bandFrom
    ? (area<{ x: number; lo: number; hi: number }>()
        .x((d) => d.x)
        .y0((d) => d.lo)
        .y1((d) => d.hi)([bandFrom, bandTo]) ?? '')
    : '';
  return {
    x,
    cx,
    y,
    actualPath,
    pastPoints,
    band,
    point: { x: cx('target'), y: y(input.p50) },
    link: last ? { x1: cx(last.start), y1: y(last.actual), x2: cx('target'), y2: y(input.p50) } : null,
    ticks: y.ticks(5).map((v) => ({ v, y: y(v), label: tickLabel(v) })),
  };
}

export function waterfallLayout(steps: readonly WaterfallStep[], box: Box) {
  const x = scaleBand<string>()
    .domain(steps.map((_, i) => String(i)))
    .range([box.left, box.width - box.right])
    .padding(0.2);
  const total = steps.at(-1)?.value ?? 0;
  const y = scaleLinear()
    .domain([0, Math.max(1, total, ...steps.map((s) => s.value))])
    .nice(5)
    .range([box.height - box.bottom, box.top]);
  let running = 0;
  const bars = steps.map((s, i) => {
    const from = s.kind === 'total' ? 0 : running;
    const to = s.kind === 'total' ? s.value : running + s.value;
    if (s.kind !== 'total') running = to;
    return { ...s, x: x(String(i)) ?? 0, width: x.bandwidth(), y: y(Math.max(from, to)), height: Math.abs(y(from) - y(to)) };
  });
  return { bars, ticks: y.ticks(5).map((v) => ({ v, y: y(v), label: tickLabel(v) })) };
}
