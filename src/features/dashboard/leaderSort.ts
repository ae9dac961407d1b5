// The leaderboard's sort, in the link as `lb.sort=<column>.<asc|desc>` (default: won amount,
// highest first). Text sorts by locale, numbers numerically; a missing value sorts last either way.
import type { LeaderRow } from '../../engine-api/types';

export const LEADER_COLUMNS = [
  'owner',
  'wonAmount',
  'wonCount',
  'winRate',
  'openAmount',
  'quota',
  'attainment',
  'gap',
  'pace',
] as const;
export type LeaderColumn = (typeof LEADER_COLUMNS)[number];

export interface LeaderSort {
  readonly column: LeaderColumn;
  readonly desc: boolean;
}

export const DEFAULT_LEADER_SORT: LeaderSort = { column: 'wonAmount', desc: true };

/** Quota left to win: quota − won amount (negative = over quota); null without a quota. */
export const gapOf = (r: LeaderRow): number | null => (r.quota === null ? null : r.quota - r.wonAmount);

function valueOf(r: LeaderRow, c: LeaderColumn): string | number | null {
  if (c === 'owner') return r.label;
  if (c === 'gap') return gapOf(r);
  // Pace is attainment ÷ the same share of the period for every rep: it sorts as attainment.
  if (c === 'pace') return r.attainment;
  return r[c];
}

export function sortLeaders(rows: readonly LeaderRow[], sort: LeaderSort): LeaderRow[] {
  const dir = sort.desc ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = valueOf(a, sort.column);
    const y = valueOf(b, sort.column);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    const c = typeof x === 'string' || typeof y === 'string' ? String(x).localeCompare(String(y)) : x - y;
    return c * dir || a.label.localeCompare(b.label);
  });
}

export function readLeaderSort(params: URLSearchParams, problems: string[]): LeaderSort | undefined {
  const raw = params.get('lb.sort');
  if (raw === null) return undefined;
  const [column = '', dir = ''] = raw.split('.');
  const col = LEADER_COLUMNS.find((c) => c === column);
  if (col && (dir === 'asc' || dir === 'desc')) return { column: col, desc: dir === 'desc' };
  problems.push(
    `The link's leaderboard sort "${raw}" is not <column>.asc or .desc (${LEADER_COLUMNS.join(', ')}); sorting by won amount.`,
  );
  return undefined;
}

export function writeLeaderSort(sort: LeaderSort | undefined, params: URLSearchParams): void {
  if (!sort || (sort.column === DEFAULT_LEADER_SORT.column && sort.desc === DEFAULT_LEADER_SORT.desc)) return;
  params.set('lb.sort', `${sort.column}.${sort.desc ? 'desc' : 'asc'}`);
}
