// From the rebuilt windows to what the screen shows: the backtest (every method, the
// selection and the combination, with calibrated ranges) and the target period's forecast,
// its track through the period, and the breakdowns by stage, rep and team.
import type {
  BacktestResult,
  ForecastProgress,
  GroupForecast,
  LeaderboardEntry,
  TrackPoint,
  WaterfallStep,
} from '../../../src/features/forecast/contract';
import {
  cellsByWindow,
  checkpointInputs,
  forecastCheckpoints,
  type BacktestInput,
  type CheckpointForecast,
} from '../../../src/features/forecast/core/backtest';
import { CHECKPOINTS, addDays } from '../../../src/features/forecast/core/calendar';
import { METHOD_LABELS } from '../../../src/features/forecast/core/labels';
import { leaderboard } from '../../../src/features/forecast/core/leaderboard';
import { forecastAll } from '../../../src/features/forecast/core/methods';
import { probabilityAtLeast, type Distribution } from '../../../src/features/forecast/core/monteCarlo';
import { calibrate } from '../../../src/features/forecast/core/selection';
import type { AnalyticsContext } from '../context';
import { isHonest } from './honesty';
import type { Plan, Setup } from './plan';
import { closedSoFarQuery, ownerNewWonQuery, teamsQuery, type OwnerNewWonRow } from './queries';
import type { Rebuilt } from './rebuild';
import { groupForecasts, waterfall } from './rollups';

/** Draws per rep and per team for their P10–P90 (more when the comp screen asks for the draws). */
const REP_DRAWS = 2000;

function backtestInput(plan: Plan, data: Rebuilt, setup: Setup, onProgress?: (p: ForecastProgress) => void): BacktestInput {
  return {
    periods: data.periods,
    checkpoints: data.checkpoints,
    cells: data.cells,
    firstForecast: plan.firstForecast,
    seasonPeriod: plan.target.grain === 'quarter' ? 4 : 12,
    draws: setup.draws,
    seed: setup.seed,
    onProgress: (done, total) => onProgress?.({ step: 'Forecasting each past period', done, total }),
  };
}

export function scoreBacktest(
  plan: Plan,
  data: Rebuilt,
  setup: Setup,
  onProgress?: (p: ForecastProgress) => void,
): { backtest: BacktestResult; current: CheckpointForecast | undefined; track: TrackPoint[] } {
  const raw = forecastCheckpoints(backtestInput(plan, data, setup, onProgress));
  const days = CHECKPOINTS[plan.target.grain];
  // Only checkpoint days bound later ranges, so the target's own as-of day changes no past score.
  const calibrated = calibrate(raw, (m) => isHonest(m, setup.hasHistory), days);
  const past = calibrated.checkpoints.filter((c) => c.period < plan.targetIndex && days.includes(c.offset));
  const board: LeaderboardEntry[] = leaderboard(past).map((r) => ({
    ...r,
    label: METHOD_LABELS[r.method],
    honest: isHonest(r.method, setup.hasHistory),
  }));
  const inTarget = calibrated.checkpoints.filter((c) => c.period === plan.targetIndex);
  const track: TrackPoint[] = inTarget.flatMap((c) => {
    const f = c.forecasts.find((x) => x.method === 'selection') ?? c.forecasts.find((x) => x.method === 'conversion');
    if (!f) return [];
    return [
      {
        offset: c.offset,
        date: addDays(plan.target.range.start, c.offset),
        closed: c.closed,
        p10: f.p10,
        p50: f.point,
        p90: f.p90,
      },
    ];
  });
  const backtest: BacktestResult = {
    grain: plan.target.grain,
    checkpoints: CHECKPOINTS[plan.target.grain],
    leaderboard: plan.reason ? [] : board,
    periods: past
      .filter((c) => c.offset === 0)
      .map((c) => {
        const p = plan.periods[c.period];
        return {
          start: p?.start ?? '',
          label: p?.label ?? '',
          actual: c.actual ?? 0,
          forecasts: c.forecasts.map((f) => ({ method: f.method, point: f.point, p10: f.p10, p90: f.p90 })),
        };
      }),
    ...(plan.reason ? { reason: plan.reason } : {}),
  };
  return { backtest, current: inTarget.find((c) => c.offset === plan.offset), track };
}

export interface Breakdowns {
  readonly note: string;
  readonly waterfall: WaterfallStep[];
  readonly byRep: GroupForecast[];
  readonly byTeam: GroupForecast[];
  readonly distribution: Distribution;
  readonly probabilityOf: (amount: number) => number;
}

/** Waterfall, per rep and per team: empirical conversion, the one method that splits by deal. */
export function breakdowns(
  ctx: AnalyticsContext,
  setup: Setup,
  plan: Plan,
  data: Rebuilt,
  repDraws: number | undefined,
): Breakdowns {
  const input = backtestInput(plan, data, setup);
  const cp = data.checkpoints[data.targetWindow];
  if (!cp) throw new Error('The forecast plan has no checkpoint for its as-of date');
  const inputs = checkpointInputs(input, cp, cellsByWindow(data.cells));
  const out = forecastAll(inputs);
  const { target } = plan;
  const closedRows = ctx.sql.rows<{ owner: string | null; won: number }>(
    closedSoFarQuery(target.range.start, target.asOf, setup.filters),
  );
  const closedByOwner = new Map(closedRows.map((r) => [r.owner ?? '(no owner)', r.won]));
  const pool = inputs.newWonPool;
  const newBusiness = pool.length ? pool.reduce((s, v) => s + v, 0) / pool.length : 0;
  const teams = new Map(ctx.sql.rows<{ rep: string; team: string | null }>(teamsQuery()).map((r) => [r.rep, r.team]));
  const repOf = (owner: string | null) => owner ?? '(no owner)';
  const teamOf = (owner: string | null) => (owner === null ? '(no owner)' : (teams.get(owner) ?? '(no team)'));
  const training = data.checkpoints.filter(
    (t) => t.offset === cp.offset && t.period < cp.period && data.periods[t.period]?.actual != null,
  );
  const groupOpts = {
    newWon: ownerNewWon(
      ctx,
      setup,
      data,
      training.map((t) => t.window),
    ),
    windows: training.length,
    draws: Math.max(REP_DRAWS, repDraws ?? 0),
    keepDraws: repDraws !== undefined,
  };
  return {
    note: 'The waterfall and the per-team and per-rep tables show empirical conversion (stage × age), the method that forecasts deal by deal, so they add up to its company total.',
    waterfall: waterfall(cp.closed, inputs.cells, out.conversion, newBusiness),
    byRep: groupForecasts(data.ownerCells, closedByOwner, repOf, out.conversion, { ...groupOpts, seed: setup.seed }),
    byTeam: groupForecasts(data.ownerCells, closedByOwner, teamOf, out.conversion, {
      ...groupOpts,
      seed: setup.seed + 7919,
      keepDraws: false,
    }),
    distribution: out.distribution,
    probabilityOf: (amount) => probabilityAtLeast(out.distribution, amount),
  };
}

/** Per owner, new business in each training window (aligned with `windows`). */
function ownerNewWon(ctx: AnalyticsContext, setup: Setup, data: Rebuilt, windows: readonly number[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  if (windows.length === 0) return out;
  const position = new Map(windows.map((idx, i) => [idx, i]));
  const sqlWindows = data.windows.filter((w) => position.has(w.index));
  for (const r of ctx.sql.rows<OwnerNewWonRow>(ownerNewWonQuery(sqlWindows, setup.filters))) {
    const owner = r.owner ?? '(no owner)';
    const list = out.get(owner) ?? new Array<number>(windows.length).fill(0);
    const i = position.get(r.idx);
    if (i !== undefined) list[i] = (list[i] ?? 0) + r.new_won;
    out.set(owner, list);
  }
  return out;
}
