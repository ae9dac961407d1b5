// Maven Analytics "CRM Sales Opportunities": sales_pipeline + sales_teams + accounts + products.
// Its engage_date is when a deal was created; accounts' revenue is in USD millions.
import type { Preset } from './preset';

export const MAVEN_PRESETS: readonly Preset[] = [
  {
    id: 'maven-pipeline',
    label: 'Maven CRM sales pipeline',
    table: 'opportunities',
    signature: ['opportunityid', 'salesagent', 'dealstage', 'engagedate', 'closevalue'],
    columns: {
      opportunity_id: 'opportunityid',
      owner: 'salesagent',
      product: 'product',
      account_name: 'account',
      stage: 'dealstage',
      created_date: 'engagedate',
      close_date: 'closedate',
      amount: 'closevalue',
    },
    status: { kind: 'stage', column: 'dealstage', won: ['Won'], lost: ['Lost'] },
  },
  {
    id: 'maven-teams',
    label: 'Maven CRM sales teams',
    table: 'reps',
    signature: ['salesagent', 'manager', 'regionaloffice'],
    columns: { rep: 'salesagent', manager: 'manager', region: 'regionaloffice' },
  },
  {
    id: 'maven-accounts',
    label: 'Maven CRM accounts',
    table: 'accounts',
    signature: ['account', 'sector', 'revenue', 'officelocation'],
    columns: {
      account_name: 'account',
      industry: 'sector',
      annual_revenue: { source: 'revenue', scale: 1_000_000 },
      employees: 'employees',
      country: 'officelocation',
      parent_account: 'subsidiaryof',
    },
  },
  {
    id: 'maven-products',
    label: 'Maven CRM products (price list)',
    table: 'products',
    signature: ['product', 'series', 'salesprice'],
    columns: { product: 'product', list_price: 'salesprice' },
  },
];
