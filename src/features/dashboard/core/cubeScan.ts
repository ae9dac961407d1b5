// One filter set (as row masks, see filterMask) over the in-memory cubes → the month rows the fold takes (the same rows
// the SQL reads in cubeReads.ts give). A pass over dictionary codes: a filter change at a
// million deals costs milliseconds, not a scan in the engine.
import { closedCubeColumns, numColumn, textColumn, type ColumnCube, type RowMask } from '../../../queries/columnCube';
import { CLOSED_SETS, type ClosedMonthRow, type CreatedMonthRow, type TotalsRow } from './cubeReads';
import type { Dimension } from '../../../shared/filters';
import { Sum } from './sum';

interface ClosedAcc {
  grp: number;
  row: number;
  key: string | null;
  n: number;
  amt: Sum;
  amtN: number;
  cycSum: Sum;
  cycN: number;
  wtd: Sum;
  wtdN: number;
  imputedN: number;
}

/** Closed-cube month rows for the base, segment, owner, stage and aging groupings. */
export function scanClosed(cube: ColumnCube, keep: RowMask, segmentBy: Dimension): ClosedMonthRow[] {
  const { cm, status, isOpen, pastDue, n, amt, amtN, cycSum, cycN, wtd, wtdN, imputedN } = closedCubeColumns(cube);
  const keyed: [number, ReturnType<typeof textColumn>][] = [
    [CLOSED_SETS.segment, textColumn(cube, segmentBy)],
    [CLOSED_SETS.owner, textColumn(cube, 'owner')],
    [CLOSED_SETS.stage, textColumn(cube, 'stage')],
    [CLOSED_SETS.aging, textColumn(cube, 'aging')],
  ];
  const widest = Math.max(...keyed.map(([, col]) => col.dict.length)) + 1;
  const cells = (cm.dict.length + 1) * (status.dict.length + 1) * 4;
  const groups = new Map<number, ClosedAcc>();
  const add = (grp: number, set: number, keyCode: number, key: string | null, i: number, cell: number) => {
    const id = (set * widest + keyCode) * cells + cell;
    let acc = groups.get(id);
    if (!acc) {
      acc = {
        grp,
        row: i,
        key,
        n: 0,
        amt: new Sum(),
        amtN: 0,
        cycSum: new Sum(),
        cycN: 0,
        wtd: new Sum(),
        wtdN: 0,
        imputedN: 0,
      };
      groups.set(id, acc);
    }
    acc.n += n[i] ?? 0;
    acc.amt.add(amt[i]);
    acc.amtN += amtN[i] ?? 0;
    acc.cycSum.add(cycSum[i]);
    acc.cycN += cycN[i] ?? 0;
    acc.wtd.add(wtd[i]);
    acc.wtdN += wtdN[i] ?? 0;
    acc.imputedN += imputedN[i] ?? 0;
  };
  for (let i = 0; i < cube.n; i++) {
    if (keep && keep[i] === 0) continue;
    const flags = (isOpen[i] === 1 ? 1 : 0) + (pastDue[i] === 1 ? 2 : 0);
    const cell = ((cm.codes[i] ?? 0) * (status.dict.length + 1) + (status.codes[i] ?? 0)) * 4 + flags;
    add(CLOSED_SETS.base, 0, 0, null, i, cell);
    keyed.forEach(([grp, col], s) => {
      const code = col.codes[i] ?? 0;
      add(grp, s + 1, code, col.dict[code] ?? null, i, cell);
    });
  }
  return [...groups.values()].map((g) => ({
    grp: g.grp,
    cm: cm.dict[cm.codes[g.row] ?? 0] ?? null,
    status: status.dict[status.codes[g.row] ?? 0] ?? null,
    is_open: isOpen[g.row] === 1,
    past_due: pastDue[g.row] === 1,
    k_seg: g.grp === CLOSED_SETS.segment ? g.key : null,
    k_owner: g.grp === CLOSED_SETS.owner ? g.key : null,
    k_stage: g.grp === CLOSED_SETS.stage ? g.key : null,
    k_aging: g.grp === CLOSED_SETS.aging ? g.key : null,
    n: g.n,
    amt: g.amt.value,
    amt_n: g.amtN,
    cyc_sum: g.cycSum.value,
    cyc_n: g.cycN,
    wtd: g.wtd.value,
    wtd_n: g.wtdN,
    imputed_n: g.imputedN,
  }));
}

/** Created-cube month rows, in total and by lead source, with each funnel step's count. */
export function scanCreated(cube: ColumnCube, keep: RowMask, funnelSteps: number): CreatedMonthRow[] {
  const km = textColumn(cube, 'km');
  const status = textColumn(cube, 'status');
  const source = textColumn(cube, 'lead_source');
  const n = numColumn(cube, 'n');
  const lo = numColumn(cube, 'steps_lo');
  const hi = numColumn(cube, 'steps_hi');
  const cells = (km.dict.length + 1) * (status.dict.length + 1);
  const groups = new Map<number, { row: number; bySource: boolean; n: number; steps: number[] }>();
  const add = (id: number, row: number, bySource: boolean, count: number, i: number) => {
    let g = groups.get(id);
    if (!g) {
      g = { row, bySource, n: 0, steps: new Array<number>(funnelSteps).fill(0) };
      groups.set(id, g);
    }
    g.n += count;
    if (bySource) return;
    // Steps 0–30 sit in the low word, 31–61 in the high word (a double holds 53 bits exactly).
    const l = lo[i] ?? 0;
    const h = hi[i] ?? 0;
    for (let s = 0; s < funnelSteps; s++) {
      const bit = s < 31 ? Math.floor(l / 2 ** s) % 2 : Math.floor(h / 2 ** (s - 31)) % 2;
      if (bit === 1) g.steps[s] = (g.steps[s] ?? 0) + count;
    }
  };
  for (let i = 0; i < cube.n; i++) {
    if (keep && keep[i] === 0) continue;
    const cell = (km.codes[i] ?? 0) * (status.dict.length + 1) + (status.codes[i] ?? 0);
    const count = n[i] ?? 0;
    add(cell, i, false, count, i);
    add(cells * ((source.codes[i] ?? 0) + 1) + cell, i, true, count, i);
  }
  return [...groups.values()].map((g) => {
    const steps: Record<`step_${number}`, number> = {};
    g.steps.forEach((v, s) => (steps[`step_${s}`] = v));
    return {
      by_source: g.bySource ? 1 : 0,
      km: km.dict[km.codes[g.row] ?? 0] ?? null,
      status: status.dict[status.codes[g.row] ?? 0] ?? null,
      lead_source: g.bySource ? (source.dict[source.codes[g.row] ?? 0] ?? null) : null,
      n: g.n,
      ...steps,
    };
  });
}

/** CLV's won amounts and distinct accounts (all time, trailing year) and the currencies in play. */
export function scanTotals(won: ColumnCube, keep: RowMask, closed: ColumnCube, closedKeep: RowMask): TotalsRow {
  const account = textColumn(won, 'account_key');
  const amt = numColumn(won, 'amt');
  const yAmt = numColumn(won, 'y_amt');
  const anyY = numColumn(won, 'any_y');
  const all = new Uint8Array(account.dict.length);
  const year = new Uint8Array(account.dict.length);
  const allAmt = new Sum();
  const yearAmt = new Sum();
  for (let i = 0; i < won.n; i++) {
    if (keep && keep[i] === 0) continue;
    allAmt.add(amt[i]);
    yearAmt.add(yAmt[i]);
    const code = account.codes[i] ?? 0;
    all[code] = 1;
    if (anyY[i] === 1) year[code] = 1;
  }
  const distinct = (seen: Uint8Array) =>
    account.dict.reduce<number>((k, v, code) => k + (v !== null && seen[code] === 1 ? 1 : 0), 0);
  return {
    all_won_amt: allAmt.value,
    all_won_accounts: distinct(all),
    y_won_amt: yearAmt.value,
    y_won_accounts: distinct(year),
    currencies: currencies(closed, closedKeep),
  };
}

function currencies(closed: ColumnCube, keep: RowMask): string | null {
  const currency = textColumn(closed, 'currency');
  const status = textColumn(closed, 'status');
  const counted = status.dict.map((s) => s === 'won' || s === 'open');
  const seen = new Uint8Array(currency.dict.length);
  for (let i = 0; i < closed.n; i++) {
    if ((keep && keep[i] === 0) || !counted[status.codes[i] ?? 0]) continue;
    seen[currency.codes[i] ?? 0] = 1;
  }
  const found = currency.dict.filter((c, code): c is string => c !== null && seen[code] === 1).sort();
  return found.length > 0 ? found.join('\n') : null;
}
