// Salesforce exports by API name (Data Loader, Workbench, Data Export): Opportunity.
// Probability comes as a percentage; status from IsWon/IsClosed.
import type { Preset } from './preset';

export const SALESFORCE_PRESETS: readonly Preset[] = [
  {
    id: 'salesforce-opportunity-api',
    label: 'Salesforce Opportunity (API names)',
    table: 'opportunities',
    signature: ['id', 'stagename', 'closedate', 'iswon', 'isclosed'],
    columns: {
      opportunity_id: 'id',
      name: 'name',
      account_id: 'accountid',
      account_name: 'accountname',
      owner: ['ownername', 'ownerid'],
      stage: 'stagename',
      amount: 'amount',
      currency: 'currencyisocode',
      created_date: 'createddate',
      close_date: 'closedate',
      probability: 'probability',
      forecast_category: ['forecastcategoryname', 'forecastcategory'],
      lead_source: 'leadsource',
      deal_type: 'type',
    },
    status: { kind: 'flags', isWon: 'iswon', isClosed: 'isclosed' },
  },
];
