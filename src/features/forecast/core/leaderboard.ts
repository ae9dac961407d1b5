// The backtest leaderboard: per method, WAPE/bias/MASE of its period-start forecasts and the
// P10–P90 coverage pooled over every scored checkpoint; and per checkpoint day, the same for
// the forecasts made that far into a period (the quarter-in-progress track record).
import type { CheckpointForecast } from './backtest';
import { scoreMethod, type MethodScores, type ScoredPoint } from './metrics';
import type { MethodId } from './types';

export interface LeaderboardRow extends MethodScores {
  readonly method: MethodId;
  /** Scores of the forecasts made `offset` days into each period. */
  readonly byOffset: readonly ({ readonly offset: number } & MethodScores)[];
}

export function leaderboard(checkpoints: readonly CheckpointForecast[]): LeaderboardRow[] {
  const points = new Map<MethodId, { offset: number; point: ScoredPoint }[]>();
  for (const c of checkpoints) {
    if (c.actual === null) continue;
    for (const f of c.forecasts) {
      const list = points.get(f.method) ?? [];
      list.push({
        offset: c.offset,
        point: { actual: c.actual, point: f.point, p10: f.p10, p90: f.p90, naiveScale: c.naiveScale },
      });
      points.set(f.method, list);
    }
  }
  const rows: LeaderboardRow[] = [...points].map(([method, list]) => {
    const offsets = [...new Set(list.map((p) => p.offset))].sort((a, b) => a - b);
    const at = (o: number) => list.filter((p) => p.offset === o).map((p) => p.point);
    return {
      method,
      ...scoreMethod(
        at(0),
        list.map((p) => p.point),
      ),
      byOffset: offsets.map((offset) => ({ offset, ...scoreMethod(at(offset), at(offset)) })),
    };
  });
  return rows.sort((a, b) => (a.wape ?? Infinity) - (b.wape ?? Infinity));
}
