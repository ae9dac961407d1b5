// A drill's totals from the dashboard's close-month cube (docs/drill.md, "Totals from the
// cube"): when the mark selects deals only by what the cube keys carry — status, open at the
// reference date, past due, close month, stage, aging, currency and the filter dimensions —
// its totals are sums over cube rows already in memory, and the open reads only a page.
// Anything else (a day range, a text filter, distinct accounts, the created month, a funnel,
// lead or movement drill) returns null and keeps the row scan (drill.ts).
import type { DrillTarget } from '../../../src/features/drill/contract';
import type { KpiId } from '../../../src/engine-api/types';
import type { Dimension } from '../../../src/shared/filters';
import { variantOf } from '../../../src/shared/kpiVariants';
import type { DateRange, Grain } from '../../../src/shared/periods/fiscal';
import { closedCubeColumns, textColumn, type ColumnCube, type RowMask } from '../../../src/queries/columnCube';
import { monthAligned } from '../../../src/features/dashboard/core/cubeFold';
import { bucketRange } from './population';
import { OUTSIDE_BUCKETS } from '../../../src/features/dashboard/core/views';

/** The totals a drill shows, as the row scan's query names them (drillSql.ts). */
export interface DrillTotalsRow {
  readonly count: number;
  readonly amount: number | null;
  readonly amount_n: number;
  readonly weighted: number | null;
  readonly won_n: number;
  readonly won_amt: number | null;
  readonly lost_n: number;
  readonly lost_amt: number | null;
  readonly open_n: number;
  readonly open_amt: number | null;
  readonly won_cycle: number | null;
  readonly closed_cycle: number | null;
  readonly accounts: number | null;
  readonly currencies: string | null;
  readonly matched: number;
}

export interface CubeDrillScope {
  readonly range: DateRange | null;
  readonly grain: Grain;
  readonly segmentBy: Dimension;
  readonly variants: Record<string, string | undefined>;
}

/** A cube row's flags and keys, as the population tests read them. */
interface Cell {
  readonly month: string | null;
  readonly status: string | null;
  readonly open: boolean;
  readonly pastDue: boolean;
  key(column: string): string | null;
}
type Test = (r: Cell) => boolean;

const within = (month: string | null, range: DateRange | null) =>
  range === null || (month !== null && month >= range.start && month < range.end);

/** The KPIs whose deals the cube can select (CLV, LTV:CAC and CAC count distinct accounts; lead ratio the created month). */
function kpiTest(kpi: KpiId, s: CubeDrillScope, is: Tests): Test | null {
  const variant = variantOf(s.variants, kpi);
  switch (kpi) {
    case 'won_amount':
    case 'won_count':
    case 'avg_deal_size':
    case 'quota_attainment':
      return is.wonIn;
    case 'win_rate':
      return variant === 'won_over_all' ? null : is.closedIn;
    case 'avg_sales_cycle_days':
      return variant === 'all_closed' ? is.closedIn : is.wonIn;
    case 'open_pipeline':
    case 'pipeline_coverage':
    case 'sales_velocity':
      return is.openIn;
    default:
      return null;
  }
}

interface Tests {
  readonly wonIn: Test;
  readonly closedIn: Test;
  readonly openIn: Test;
}

/** The drill population (drillPopulation.ts) as a test on a cube row; null = not a cube mark. */
export function cubeTest(target: DrillTarget, s: CubeDrillScope): Test | null {
  if (!monthAligned(s.range)) return null;
  const c = (r: Cell) => within(r.month, s.range);
  // Open in the period as the tiles count it: expected to close in it and not past due; all time: every open deal.
  const o = (r: Cell) => r.open && (s.range === null || (c(r) && !r.pastDue));
  const is: Tests = {
    wonIn: (r) => r.status === 'won' && c(r),
    closedIn: (r) => (r.status === 'won' || r.status === 'lost') && c(r),
    openIn: o,
  };
  switch (target.kind) {
    case 'kpi':
      return kpiTest(target.kpi, s, is);
    case 'bookings': {
      const bucket = bucketRange(target.key, s.grain);
      return (r) => is.wonIn(r) && within(r.month, bucket);
    }
    case 'stage':
      return (r) => o(r) && r.key('stage') === target.key;
    case 'month': {
      const key = target.key;
      if (key === OUTSIDE_BUCKETS.undated) return (r) => r.open && r.month === null;
      if (key === OUTSIDE_BUCKETS.pastDue) return (r) => r.open && r.pastDue;
      if (key === null) return null;
      return (r) => o(r) && r.month !== null && !r.pastDue && r.month.slice(0, 7) === key;
    }
    case 'aging':
      return (r) => o(r) && r.key('aging') === target.key;
    case 'owner':
      return (r) => (is.closedIn(r) || o(r)) && r.key('owner') === target.key;
    case 'segment':
      return (r) => is.closedIn(r) && r.key(s.segmentBy) === target.key;
    default:
      return null;
  }
}

/** Money in whole cents: each cube row's sum of DECIMAL(18,2) amounts is a whole number of cents. */
class Cents {
  cents = 0;
  n = 0;
  add(v: number | undefined, n: number | undefined): void {
    if (v !== undefined && !Number.isNaN(v)) this.cents += Math.round(v * 100);
    this.n += n ?? 0;
  }
  /** SQL's sum(): NULL when no row had an amount. */
  get value(): number | null {
    return this.n > 0 ? this.cents / 100 : null;
  }
}

/**
 * The totals of the deals behind a mark, summed over the close-month cube's rows under the
 * filter mask; null when the mark is not one the cube carries.
 */
export function cubeDrillTotals(cube: ColumnCube, keep: RowMask, target: DrillTarget, s: CubeDrillScope): DrillTotalsRow | null {
  const test = cubeTest(target, s);
  if (!test) return null;
  const { cm, status, currency, isOpen, pastDue, n, amt, amtN, cycSum, cycN, wtd, wtdN } = closedCubeColumns(cube);
  const keyed = new Map<string, ReturnType<typeof textColumn>>();
  let i = 0;
  const cell: Cell = {
    get month() {
      return cm.dict[cm.codes[i] ?? 0] ?? null;
    },
    get status() {
      return status.dict[status.codes[i] ?? 0] ?? null;
    },
    get open() {
      return isOpen[i] === 1;
    },
    get pastDue() {
      return pastDue[i] === 1;
    },
    key: (column) => {
      let col = keyed.get(column);
      if (!col) keyed.set(column, (col = textColumn(cube, column)));
      return col.dict[col.codes[i] ?? 0] ?? null;
    },
  };
  const all = new Cents();
  const won = new Cents();
  const lost = new Cents();
  const open = new Cents();
  let count = 0;
  let wonN = 0;
  let lostN = 0;
  let openN = 0;
  let weighted: number | null = null;
  const cycle = { won: 0, wonN: 0, closed: 0, closedN: 0 };
  const currencies = new Set<string>();
  for (i = 0; i < cube.n; i++) {
    if ((keep && keep[i] === 0) || !test(cell)) continue;
    const rows = n[i] ?? 0;
    count += rows;
    all.add(amt[i], amtN[i]);
    if ((wtdN[i] ?? 0) > 0) weighted = (weighted ?? 0) + (wtd[i] ?? 0);
    const st = cell.status;
    if (st === 'won' || st === 'lost') {
      cycle.closed += Number.isNaN(cycSum[i]) ? 0 : (cycSum[i] ?? 0);
      cycle.closedN += cycN[i] ?? 0;
    }
    if (st === 'won') {
      wonN += rows;
      won.add(amt[i], amtN[i]);
      cycle.won += Number.isNaN(cycSum[i]) ? 0 : (cycSum[i] ?? 0);
      cycle.wonN += cycN[i] ?? 0;
    } else if (st === 'lost') {
      lostN += rows;
      lost.add(amt[i], amtN[i]);
    }
    if (cell.open) {
      openN += rows;
      open.add(amt[i], amtN[i]);
    }
    const cur = currency.dict[currency.codes[i] ?? 0];
    if (cur !== null && cur !== undefined) currencies.add(cur);
  }
  return {
    count,
    amount: all.value,
    amount_n: all.n,
    weighted,
    won_n: wonN,
    won_amt: won.value,
    lost_n: lostN,
    lost_amt: lost.value,
    open_n: openN,
    open_amt: open.value,
    won_cycle: cycle.wonN > 0 ? cycle.won / cycle.wonN : null,
    closed_cycle: cycle.closedN > 0 ? cycle.closed / cycle.closedN : null,
    accounts: null,
    currencies: currencies.size > 0 ? [...currencies].sort().join('\n') : null,
    matched: count,
  };
}
