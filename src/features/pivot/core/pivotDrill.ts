// The deals behind a pivot cell (docs/pivot.md): the measure's population, as the pivot
// counts it (pivot.ts POPULATION on the drill's prepared rows, which carry the same flags
// `c` and `o`), with each of the cell's coordinates equal to its key.
import type { PIVOT_DIMS, PivotDrillTarget, PivotMeasure } from '../contract';
import type { Params } from '../../../platform/sql/params';
import { dimKeySql, POPULATION } from './pivotSql';
import { pivotKeyLabel } from './pivotKeys';

const DIM_WORDS: Record<(typeof PIVOT_DIMS)[number], string> = {
  owner: 'owner',
  team: 'team',
  manager: 'manager',
  region: 'region',
  product: 'product',
  lead_source: 'lead source',
  deal_type: 'deal type',
  industry: 'industry',
  stage: 'stage',
  month: 'close month',
  quarter: 'close quarter',
  year: 'close year',
};

const WHO: Record<PivotMeasure, string> = {
  won_amount: 'Won deals closed',
  won_count: 'Won deals closed',
  cycle: 'Won deals closed',
  win_rate: 'Won and lost deals closed',
  pipeline: 'Deals open at the reference date expected to close',
};

const NOTE: Record<PivotMeasure, string | null> = {
  won_amount: null,
  won_count: null,
  cycle: 'The cell is the mean of their days from created to close.',
  win_rate: 'The cell is won ÷ these deals, by count.',
  pipeline: null,
};

export function pivotPopulation(
  p: Params,
  target: PivotDrillTarget,
  fiscalStartMonth: number,
  periodWords: string,
): { where: string; title: string; note: string | null } {
  const parts = [POPULATION[target.measure]];
  const words: string[] = [];
  for (const { dim, key } of target.cell) {
    const expr = dimKeySql(p, dim, fiscalStartMonth);
    parts.push(key === null ? `(${expr}) IS NULL` : `(${expr}) = ${p.add(key)}`);
    words.push(`${DIM_WORDS[dim]} ${pivotKeyLabel(dim, key, fiscalStartMonth)}`);
  }
  const where = parts.map((c) => `(${c})`).join(' AND ');
  const title = `${WHO[target.measure]} ${periodWords}${words.length > 0 ? `, ${words.join(', ')}` : ''}`;
  return { where, title, note: NOTE[target.measure] };
}
