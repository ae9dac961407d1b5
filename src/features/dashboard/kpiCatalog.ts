// How each KPI is named, formatted and explained on its tile (definitions: docs/kpis.md).
import { format } from 'd3';
import type { KpiId } from '../../engine-api/types';

export interface KpiSpec {
  readonly id: KpiId;
  readonly label: string;
  readonly definition: string;
  readonly format: (value: number) => string;
}

const money = format('$,.0f');
const moneyCents = format('$,.2f');
const count = format(',d');
const percent = format('.1%');
const days = (v: number) => `${format(',.1f')(v)} days`;

export const KPI_CATALOG: readonly KpiSpec[] = [
  { id: 'won_amount', label: 'Won amount', definition: 'Σ amount of won deals closed in the period', format: money },
  { id: 'won_count', label: 'Won deals', definition: 'Won deals closed in the period', format: count },
  { id: 'win_rate', label: 'Win rate', definition: 'won ÷ (won + lost), by count, deals closed in the period', format: percent },
  { id: 'avg_deal_size', label: 'Average deal size', definition: 'won amount ÷ won deals', format: moneyCents },
  {
    id: 'avg_sales_cycle_days',
    label: 'Sales cycle',
    definition: 'mean of close date − created date, won deals closed in the period',
    format: days,
  },
  {
    id: 'open_pipeline',
    label: 'Open pipeline',
    definition: 'Σ amount of open deals expected to close in the period (all: every open deal)',
    format: money,
  },
];
