// When deals (and leads) are created: a daily intensity with growth, a yearly season and
// quiet weekends. Row i of n is created on the day where the cumulative intensity reaches
// (i + ½)/n — so ids are chronological (as in a real CRM) and no row needs its neighbours.

import { type Day, civilFromDay, isWeekend } from './calendar';
import { GROWTH_RATE, MONTH_SEASON, WEEKEND_FACTOR } from './catalog';
import { at, detExp } from './prng';

export interface Timeline {
  readonly start: Day;
  readonly end: Day;
  /** Relative intensity of each day from start to end (inclusive). */
  readonly weights: Float64Array;
  /** Running sum of weights, normalised so the last entry is 1. */
  readonly cumulative: Float64Array;
}

export function buildTimeline(start: Day, end: Day): Timeline {
  const days = end - start + 1;
  const weights = new Float64Array(days);
  const cumulative = new Float64Array(days);
  let total = 0;
  for (let i = 0; i < days; i++) {
    const day = start + i;
    const growth = detExp((GROWTH_RATE * i) / 365.25);
    const season = at(MONTH_SEASON, civilFromDay(day).month - 1);
    const w = growth * season * (isWeekend(day) ? WEEKEND_FACTOR : 1);
    weights[i] = w;
    total += w;
    cumulative[i] = total;
  }
  for (let i = 0; i < days; i++) {
    weights[i] = (weights[i] ?? 0) / total;
    cumulative[i] = (cumulative[i] ?? 0) / total;
  }
  return { start, end, weights, cumulative };
}

/** The day at quantile t ∈ [0, 1) of the intensity (binary search: ~11 steps for 3 years). */
export function dayAtQuantile(timeline: Timeline, t: number): Day {
  const c = timeline.cumulative;
  let lo = 0;
  let hi = c.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((c[mid] ?? 1) > t) hi = mid;
    else lo = mid + 1;
  }
  return timeline.start + lo;
}
