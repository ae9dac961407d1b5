// Stage history: 1–5 snapshots per opportunity, from creation to its current or final
// stage. Deals skip stages now and then (as reps update the CRM in bursts), amounts get
// revised along the way, and a pushed deal shows its original expected close date
// in every snapshot before the last.

import { type Day, isoDate } from './calendar';
import { STAGE_PROBABILITY_FORECAST, STAGES } from './catalog';
import type { DemoContext } from './context';
import { type RowSource, wholeMoney } from './csv';
import { deriveOpportunity, type Opportunity } from './opportunities';
import { at, Rng, Stream } from './prng';

export const HISTORY_COLUMNS = [
  'opportunity_id',
  'changed_at',
  'stage',
  'amount',
  'close_date',
  'probability',
  'forecast_category',
] as const;

const MAX_SNAPSHOTS = 5;

/** Stage indices visited, ending with the current/final one. */
function stagePath(rng: Rng, o: Opportunity): number[] {
  const closed = o.status !== 'open';
  const top = closed ? o.reached : o.stage;
  const path = [top >= 1 && rng.chance(0.3) ? 1 : 0];
  for (let s = at(path, 0) + 1; s <= top; s++) {
    if (s === top && !closed) path.push(s);
    else if (rng.chance(0.65)) path.push(s);
  }
  if (closed) path.push(o.stage);
  while (path.length > MAX_SNAPSHOTS) path.splice(1, 1); // drop the earliest intermediate stage
  return path;
}

/** Dates of the snapshots: the first on the created date, a closed deal's last on its close. */
function snapshotDays(ctx: DemoContext, rng: Rng, o: Opportunity, count: number): Day[] {
  const closed = o.status !== 'open';
  const end = closed ? o.close : Math.min(ctx.ref, o.close);
  const span = end - o.created;
  const inner = count - (closed ? 2 : 1);
  const fractions: number[] = [];
  for (let k = 0; k < inner; k++) fractions.push(rng.next());
  fractions.sort((a, b) => a - b);
  const days = [o.created, ...fractions.map((f) => o.created + Math.round(f * span))];
  if (closed && count > 1) days.push(o.close);
  return days;
}

/** Earlier snapshots may carry an earlier estimate of the amount. */
function snapshotAmount(rng: Rng, o: Opportunity, isLast: boolean): number {
  if (isLast || !rng.chance(0.3)) return o.amount;
  return Math.max(500, Math.round((o.amount * (0.75 + 0.5 * rng.next())) / 50) * 50);
}

export function historyLines(ctx: DemoContext, o: Opportunity): string {
  const rng = Rng.forRow(ctx.seed, Stream.history, o.index);
  const path = stagePath(rng, o);
  const days = snapshotDays(ctx, rng, o, path.length);
  let out = '';
  path.forEach((stage, k) => {
    const isLast = k === path.length - 1;
    const amount = wholeMoney(snapshotAmount(rng, o, isLast));
    const close = isoDate(isLast ? o.close : o.firstClose);
    // Built directly like opportunityLine: no field here can need CSV quoting.
    out += `${o.id},${isoDate(at(days, k))},${at(STAGES, stage)},${amount},${close},${at(STAGE_PROBABILITY_FORECAST, stage)}\n`;
  });
  return out;
}

/** One record per opportunity: all of its snapshots (the duplicate row of flaw 1 has none). */
export function stageHistoryRows(ctx: DemoContext): RowSource {
  return { count: ctx.opportunityCount, text: (i) => historyLines(ctx, deriveOpportunity(ctx, i)) };
}
