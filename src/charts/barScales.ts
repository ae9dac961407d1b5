// D3 does the maths (scales, ticks, formats); the Svelte component owns the DOM.
import { moneyCompact } from '../shared/format/display.svelte';
import { scaleBand, scaleLinear, type ScaleBand, type ScaleLinear } from 'd3';

export interface BarLayout {
  readonly x: ScaleBand<string>;
  readonly y: ScaleLinear<number, number>;
  readonly ticks: readonly { value: number; label: string; y: number }[];
}

export interface Margins {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

export function barLayout(
  keys: readonly string[],
  values: readonly number[],
  width: number,
  height: number,
  m: Margins,
): BarLayout {
  const x = scaleBand<string>()
    .domain(keys)
    .range([m.left, width - m.right])
    .padding(0.2);
  const max = Math.max(0, ...values);
  const y = scaleLinear()
    .domain([0, max > 0 ? max : 1])
    .nice(5)
    .range([height - m.bottom, m.top]);
  const ticks = y.ticks(5).map((value) => ({ value, label: moneyCompact(value), y: y(value) }));
  return { x, y, ticks };
}
