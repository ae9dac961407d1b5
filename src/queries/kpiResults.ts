// Engine rows → typed KPI values. A KPI that cannot be computed carries a reason, never 0 or NaN.
import type { KpiValue } from '../engine-api/types';
import type { KpiRow } from './kpis';

export function kpiValues(row: KpiRow): KpiValue[] {
  const closed = row.won_count + row.lost_count;
  const wonAmount = row.won_amount ?? 0;
  const missingWon = row.won_count - row.won_with_amount;
  const missingOpen = row.open_count - row.open_with_amount;
  return [
    withNote({ id: 'won_amount', value: wonAmount }, missingWon > 0 ? `${missingWon} won deals have no amount` : undefined),
    { id: 'won_count', value: row.won_count },
    closed > 0
      ? { id: 'win_rate', value: row.won_count / closed }
      : { id: 'win_rate', value: null, reason: 'No deals were won or lost in this period.' },
    row.won_with_amount > 0
      ? { id: 'avg_deal_size', value: wonAmount / row.won_with_amount }
      : { id: 'avg_deal_size', value: null, reason: 'No won deal with an amount in this period.' },
    row.avg_cycle_days !== null
      ? { id: 'avg_sales_cycle_days', value: row.avg_cycle_days }
      : { id: 'avg_sales_cycle_days', value: null, reason: 'No won deal with both a created and a close date in this period.' },
    openPipeline(row, missingOpen),
  ];
}

function openPipeline(row: KpiRow, missing: number): KpiValue {
  if (row.open_count === 0) return { id: 'open_pipeline', value: 0, note: 'No open deals close in this period.' };
  if (row.open_with_amount === 0) {
    return {
      id: 'open_pipeline',
      value: null,
      reason: `${row.open_count} open deals have no amount; load a price list to value them.`,
    };
  }
  const notes = [
    row.open_imputed > 0 ? `${row.open_imputed} open deals valued at product list price` : '',
    missing > 0 ? `${missing} open deals have no amount` : '',
  ].filter(Boolean);
  return withNote({ id: 'open_pipeline', value: row.open_pipeline ?? 0 }, notes.join('; ') || undefined);
}

function withNote(kpi: KpiValue, note: string | undefined): KpiValue {
  return note ? { ...kpi, note } : kpi;
}
