// The lead table's columns: header text, which are numbers, and what an export writes (the
// canonical lead column names where there is one, so the file reads back as a lead list).
import type { LeadListColumn } from './contract';

export const LEAD_COLUMN_LABELS: Record<LeadListColumn, string> = {
  lead: 'Lead',
  company: 'Company',
  source: 'Source',
  owner: 'Owner',
  country: 'Country',
  state: 'State',
  attribute: 'Attribute',
  created: 'Created',
  status: 'Status',
  converted: 'To opportunity',
  customer: 'To customer',
  deal: 'Deal',
  deal_name: 'Deal name',
  deal_stage: 'Deal stage',
  deal_amount: 'Deal amount',
  won_amount: 'Won revenue',
  deals: 'Deals',
  file: 'File',
  line: 'Line',
};

export const LEAD_NUMERIC: ReadonlySet<LeadListColumn> = new Set(['deal_amount', 'won_amount', 'deals', 'line']);

/** Export header: canonical lead columns (docs/spec.md §1) where the column is one, else a plain name. */
export const LEAD_EXPORT_HEADER: Record<LeadListColumn, string> = {
  lead: 'lead_id',
  company: 'company',
  source: 'source',
  owner: 'owner',
  country: 'country',
  state: 'state',
  attribute: 'attribute',
  created: 'created_date',
  status: 'status',
  converted: 'to_opportunity',
  customer: 'to_customer',
  deal: 'converted_opportunity_id',
  deal_name: 'deal_name',
  deal_stage: 'deal_stage',
  deal_amount: 'deal_amount',
  won_amount: 'won_revenue',
  deals: 'linked_deals',
  file: 'source_file',
  line: 'source_line',
};
