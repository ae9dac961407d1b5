// The sales team: 20–60 reps in four regions, teams of at most eight under a manager.
// About half the reps predate the history (the founding team); the rest are hired over it,
// which is what lets deal volume grow. Reps are ordered by start date, so "reps active on
// day d" is always a prefix of the list (no one leaves: there is no end date in docs/spec.md §1).

import { type Day, weekday } from './calendar';
import { type Region, REGIONS } from './geo';
import { personName } from './names';
import { at, Rng, Stream } from './prng';

export interface Rep {
  readonly index: number;
  readonly name: string;
  readonly team: string;
  readonly manager: string;
  readonly region: Region;
  /** The rep's current territory, e.g. `West-03` (a block of land) or `West-Named` (accounts inherit it). */
  readonly territory: string;
  readonly start: Day;
  /** Individual quota weight around 1 (seniority, territory size). */
  readonly quotaFactor: number;
}

/** Anchor points (opportunities → reps), linearly interpolated; arithmetic only (no log). */
const REP_ANCHORS: readonly (readonly [number, number])[] = [
  [1000, 20],
  [5000, 24],
  [20000, 32],
  [100000, 44],
  [1000000, 60],
];

export function repCountFor(opportunities: number): number {
  let [prevN, prevR] = at(REP_ANCHORS, 0);
  if (opportunities <= prevN) return prevR;
  for (const [n, r] of REP_ANCHORS.slice(1)) {
    if (opportunities <= n) return Math.round(prevR + ((r - prevR) * (opportunities - prevN)) / (n - prevN));
    [prevN, prevR] = [n, r];
  }
  return prevR;
}

const TEAM_SEGMENTS = ['Enterprise', 'Mid-Market', 'Commercial'] as const;
const MAX_TEAM_SIZE = 8;

/** Start dates, ascending, always a Monday. */
function startDates(rng: Rng, count: number, historyStart: Day, ref: Day): Day[] {
  const founders = Math.ceil(count / 2);
  const days: Day[] = [];
  for (let i = 0; i < count; i++) {
    const hire = i >= founders;
    const from = hire ? historyStart + 45 : historyStart - 4 * 365;
    const to = hire ? ref - 90 : historyStart - 30;
    const slots = hire ? count - founders : founders;
    const slot = hire ? i - founders : i;
    const day = from + Math.floor(((slot + 0.2 + 0.6 * rng.next()) * (to - from)) / slots);
    days.push(day - weekday(day));
  }
  return days.sort((a, b) => a - b);
}

export function buildReps(seed: number, count: number, historyStart: Day, ref: Day): Rep[] {
  const rng = Rng.forRow(seed, Stream.rep, 0);
  const starts = startDates(rng, count, historyStart, ref);
  const perRegion = REGIONS.map((_, r) => Math.floor((count - r - 1) / REGIONS.length) + 1);
  return starts.map((start, index) => {
    const regionIndex = index % REGIONS.length;
    const region = at(REGIONS, regionIndex);
    const rank = Math.floor(index / REGIONS.length);
    const inRegion = at(perRegion, regionIndex);
    const teamSize = Math.ceil(inRegion / Math.ceil(inRegion / MAX_TEAM_SIZE));
    const team = Math.floor(rank / teamSize);
    return {
      index,
      name: personName(seed, index),
      team: `${region} ${at(TEAM_SEGMENTS, team)}`,
      manager: personName(seed, count + regionIndex * TEAM_SEGMENTS.length + team),
      region,
      // The region's first rep keeps named accounts; the others cover blocks of land (geo.ts fieldBlock).
      territory: rank === 0 ? `${region}-Named` : `${region}-${String(rank).padStart(2, '0')}`,
      start,
      quotaFactor: 0.85 + 0.05 * rng.int(7),
    };
  });
}

/** How many reps had started by `day` (reps are sorted by start date). */
export function activeRepCount(reps: readonly Rep[], day: Day): number {
  let lo = 0;
  let hi = reps.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (at(reps, mid).start <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
