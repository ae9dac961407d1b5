// The quarter in progress as a chart: booked to date and the headline forecast at each
// checkpoint of the period, with its P10–P90 range narrowing as the period goes on.
import { area, line, scaleLinear } from 'd3';
import type { TrackPoint } from './contract';
import { moneyCompact } from '../../shared/format/display.svelte';
import type { Box } from './chartLayout';

// Axis ticks in the data's currency, compact (the app's one money formatter).
const tickLabel = (v: number): string => moneyCompact(v);

export function trackLayout(points: readonly TrackPoint[], days: number, actual: number | null, box: Box) {
  const top = Math.max(1, actual ?? 0, ...points.map((p) => Math.max(p.p90 ?? p.p50, p.p50)));
  const x = scaleLinear()
    .domain([0, Math.max(1, days)])
    .range([box.left, box.width - box.right]);
  const y = scaleLinear()
    .domain([0, top * 1.05])
    .nice()
    .range([box.height - box.bottom, box.top]);
  const banded = points.filter((p) => p.p10 !== null && p.p90 !== null);
  const band =
    area<TrackPoint>()
      .x((p) => x(p.offset))
      .y0((p) => y(p.p10 ?? p.p50))
      .y1((p) => y(p.p90 ?? p.p50))(banded) ?? '';
  const forecast =
    line<TrackPoint>()
      .x((p) => x(p.offset))
      .y((p) => y(p.p50))(points) ?? '';
  const booked =
    line<TrackPoint>()
      .x((p) => x(p.offset))
      .y((p) => y(p.closed))(points) ?? '';
  return {
    x,
    y,
    band,
    forecast,
    booked,
    actualY: actual === null ? null : y(actual),
    ticks: y.ticks(5).map((v) => ({ v, y: y(v), label: tickLabel(v) })),
    dayTicks: [0, 28, 56, 84].filter((d) => d <= days).map((d) => ({ d, x: x(d), label: d === 0 ? 'day 1' : `week ${d / 7}` })),
  };
}
