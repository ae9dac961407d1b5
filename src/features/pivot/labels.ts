// What the pivot's dimensions and measures are called on screen and in exports, and how a
// cell's value is written (docs/pivot.md).
import type { PivotDim, PivotFigure, PivotMeasure } from './contract';
import { DIMENSION_LABELS } from '../../shared/filters';
import { count, days, moneyOf, pct } from '../../shared/format/figures';

// The filter dimensions are called as the filter bar calls them; the pivot adds stage and time.
export const DIM_LABELS: Record<PivotDim, string> = {
  ...DIMENSION_LABELS,
  stage: 'Stage',
  month: 'Close month',
  quarter: 'Close quarter',
  year: 'Close year',
};

export const MEASURE_LABELS: Record<PivotMeasure, string> = {
  won_amount: 'Won amount',
  won_count: 'Won deals',
  win_rate: 'Win rate (won ÷ closed, by count)',
  cycle: 'Sales cycle (mean days, won deals)',
  pipeline: 'Open pipeline',
};

/** The cell as text; "—" when the measure has no input, with the reason in `why`. */
export function cellText(measure: PivotMeasure, f: PivotFigure, currency: string): string {
  if (f.value === null) return '—';
  switch (measure) {
    case 'won_amount':
    case 'pipeline':
      return moneyOf(currency)(f.value);
    case 'won_count':
      return count(f.value);
    case 'win_rate':
      return pct(f.value);
    case 'cycle':
      return days(f.value);
  }
}

export function why(measure: PivotMeasure, f: PivotFigure, moneyBlocked: string | null): string {
  if (f.value !== null) return '';
  if (moneyBlocked && (measure === 'won_amount' || measure === 'pipeline')) return moneyBlocked;
  if (measure === 'cycle') return 'Not available: none of these won deals has both a created and a close date.';
  if (measure === 'win_rate') return 'Not available: no deal was won or lost here.';
  return 'Not available: none of these deals has an amount.';
}
