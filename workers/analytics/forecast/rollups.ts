// The current forecast's breakdowns: the waterfall from booked to forecast, and per-rep and
// per-team ranges from one joint Monte Carlo over every group's open deals and new business.
import type { GroupForecast, WaterfallStep } from '../../../src/features/forecast/contract';
import type { ConversionTable } from '../../../src/features/forecast/core/conversion';
import { cellGroups } from '../../../src/features/forecast/core/methods';
import { simulateJoint, summarize } from '../../../src/features/forecast/core/monteCarlo';
import type { Cell } from '../../../src/features/forecast/core/types';

export function waterfall(
  closed: number,
  cells: readonly Cell[],
  conversion: ConversionTable,
  newBusiness: number,
): WaterfallStep[] {
  const byStage = new Map<string | null, number>();
  for (const c of cells) {
    byStage.set(c.stage, (byStage.get(c.stage) ?? 0) + conversion.probability(c.stage, c.ageBucket) * c.sum);
  }
  const stages = [...byStage].sort((a, b) => b[1] - a[1]);
  const steps: WaterfallStep[] = [{ label: 'Booked so far', value: closed, kind: 'closed' }];
  for (const [stage, value] of stages)
    steps.push({ label: stage ?? 'Open deals (stage not known)', value, kind: 'pipeline', stage });
  steps.push({ label: 'Deals not yet created', value: newBusiness, kind: 'new' });
  const total = steps.reduce((s, step) => s + step.value, 0);
  steps.push({ label: 'Forecast (expected)', value: total, kind: 'total' });
  return steps;
}

export interface GroupOptions {
  /** Per owner, new business (created and won inside a window) of each training window, aligned. */
  readonly newWon: ReadonlyMap<string, readonly number[]>;
  readonly windows: number;
  readonly seed: number;
  /** Draws per group; the draws themselves are returned when `keepDraws`. */
  readonly draws: number;
  readonly keepDraws: boolean;
}

/** Per rep or team: booked + its open deals + its own new business, bootstrapped from its past windows. */
export function groupForecasts(
  cells: readonly Cell[],
  closedByOwner: ReadonlyMap<string, number>,
  groupOf: (owner: string | null) => string,
  conversion: ConversionTable,
  opts: GroupOptions,
): GroupForecast[] {
  const groups = new Map<string, { cells: Cell[]; closed: number; pool: number[] }>();
  const entry = (name: string) => {
    const e = groups.get(name) ?? { cells: [], closed: 0, pool: new Array<number>(opts.windows).fill(0) };
    groups.set(name, e);
    return e;
  };
  for (const c of cells) entry(groupOf(c.owner)).cells.push(c);
  for (const [owner, won] of closedByOwner) entry(groupOf(owner)).closed += won;
  for (const [owner, pool] of opts.newWon) {
    const e = entry(groupOf(owner === '(no owner)' ? null : owner));
    pool.forEach((v, i) => (e.pool[i] = (e.pool[i] ?? 0) + v));
  }
  const sorted = [...groups].sort((a, b) => a[0].localeCompare(b[0]));
  const parts = sorted.map(([, g]) => ({ groups: cellGroups(g.cells, conversion), base: g.closed, extra: g.pool }));
  // One joint simulation: draw d of every group is the same company draw (docs/forecast.md).
  const joint = simulateJoint(parts, opts.windows, opts.draws, opts.seed);
  const out: GroupForecast[] = sorted.map(([name, g], i) => {
    const draws = joint[i] ?? new Float64Array(0);
    const dist = summarize(Float64Array.from(draws));
    const newBusiness = g.pool.length > 0 ? g.pool.reduce((s, v) => s + v, 0) / g.pool.length : 0;
    const expected = g.closed + (parts[i]?.groups ?? []).reduce((s, d) => s + d.p * d.sum, 0) + newBusiness;
    const base = { name, closed: g.closed, expected, p10: dist.p10, p90: dist.p90 };
    return opts.keepDraws ? { ...base, draws: Array.from(draws) } : base;
  });
  return out.sort((a, b) => b.expected - a.expected);
}
