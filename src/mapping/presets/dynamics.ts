// Dynamics 365 Sales exports ("Export to Excel" of an Opportunities view, saved as CSV).
// The hidden "(Do Not Modify) Opportunity" column is the record's GUID. Closed deals carry
// actual revenue and close date, open ones only the estimates: actual first, else estimate.
import type { Preset } from './preset';

export const DYNAMICS_PRESETS: readonly Preset[] = [
  {
    id: 'dynamics-opportunities',
    label: 'Dynamics 365 opportunities',
    table: 'opportunities',
    signature: ['topic', 'status', ['estclosedate', 'estimatedclosedate'], ['estrevenue', 'estimatedrevenue']],
    columns: {
      opportunity_id: ['donotmodifyopportunity', 'opportunityid', 'opportunity', 'topic'],
      name: 'topic',
      account_name: ['potentialcustomer', 'account'],
      owner: 'owner',
      stage: ['pipelinephase', 'salesstage', 'statusreason'],
      amount: { source: ['actualrevenue'], fallback: ['estrevenue', 'estimatedrevenue'] },
      currency: 'currency',
      created_date: 'createdon',
      close_date: { source: ['actualclosedate'], fallback: ['estclosedate', 'estimatedclosedate'] },
      probability: 'probability',
      forecast_category: 'forecastcategory',
      deal_type: 'opportunitytype',
    },
    status: { kind: 'stage', column: 'status', won: ['Won'], lost: ['Lost'] },
  },
  {
    id: 'dynamics-leads',
    label: 'Dynamics 365 leads',
    table: 'leads',
    signature: ['topic', 'statusreason', 'createdon', ['donotmodifylead', 'leadsource']],
    columns: {
      lead_id: ['donotmodifylead', 'leadid', 'topic'],
      created_date: 'createdon',
      source: 'leadsource',
      status: ['statusreason', 'status'],
      owner: 'owner',
      company: 'companyname',
      country: ['countryregion', 'country'],
      state: ['stateprovince', 'state'],
      campaign: ['sourcecampaign', 'campaign'],
    },
  },
];
