// The movement waterfall's geometry: the pipeline at A as a bar from zero, each step floating
// from the running total to the next, the pipeline at B from zero (docs/movement.md).
import { scaleBand, scaleLinear } from 'd3';
import type { MovementFigure, MovementStep, MovementStepFigure } from './contract';

export const STEP_LABELS: Record<MovementStep, string> = {
  created: 'Created',
  pulled_in: 'Pulled in',
  increased: 'Increased',
  decreased: 'Decreased',
  pushed_out: 'Pushed out',
  won: 'Won',
  lost: 'Lost',
};

export interface WaterfallBar {
  readonly key: string;
  readonly label: string;
  readonly step: MovementStep | null;
  readonly count: number;
  /** In the data's money (cents ÷ 100). */
  readonly value: number;
  readonly kind: 'total' | 'up' | 'down';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Box {
  readonly width: number;
  readonly height: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

export function waterfall(
  start: MovementFigure,
  steps: readonly MovementStepFigure[],
  end: MovementFigure,
  box: Box,
  labels: { start: string; end: string },
) {
  const spans: { key: string; label: string; step: MovementStep | null; count: number; from: number; to: number }[] = [];
  spans.push({ key: 'start', label: labels.start, step: null, count: start.count, from: 0, to: start.cents });
  let run = start.cents;
  for (const s of steps) {
    spans.push({ key: s.step, label: STEP_LABELS[s.step], step: s.step, count: s.count, from: run, to: run + s.cents });
    run += s.cents;
  }
  spans.push({ key: 'end', label: labels.end, step: null, count: end.count, from: 0, to: end.cents });
  const values = spans.flatMap((s) => [s.from, s.to]);
  const y = scaleLinear()
    .domain([Math.min(0, ...values) / 100, Math.max(1, ...values) / 100])
    .nice()
    .range([box.height - box.bottom, box.top]);
  const x = scaleBand()
    .domain(spans.map((s) => s.key))
    .range([box.left, box.width - box.right])
    .padding(0.2);
  const bars: WaterfallBar[] = spans.map((s) => {
    const top = y(Math.max(s.from, s.to) / 100);
    const bottom = y(Math.min(s.from, s.to) / 100);
    const total = s.step === null;
    return {
      key: s.key,
      label: s.label,
      step: s.step,
      count: s.count,
      value: (total ? s.to : s.to - s.from) / 100,
      kind: total ? 'total' : s.to >= s.from ? 'up' : 'down',
      x: x(s.key) ?? 0,
      y: top,
      width: x.bandwidth(),
      height: Math.max(1, bottom - top),
    };
  });
  return { bars, ticks: y.ticks(5).map((v) => ({ v, y: y(v) })) };
}
