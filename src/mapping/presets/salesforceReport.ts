// Salesforce report exports ("Export → Details only"): columns carry the field labels a
// user sees, and multi-currency orgs add "Amount Currency" and "Amount (converted)" pairs.
// The converted amount (corporate currency) is preferred, so deals in several currencies add up.
import type { Preset } from './preset';

const OPPORTUNITY_ID = ['opportunityid', 'opportunityname'];

export const SALESFORCE_REPORT_PRESETS: readonly Preset[] = [
  {
    id: 'salesforce-opportunity-report',
    label: 'Salesforce opportunity report',
    table: 'opportunities',
    signature: ['opportunityname', 'opportunityowner', 'stage', 'closedate'],
    columns: {
      // Reports often leave the id out; the name is then the best key there is.
      opportunity_id: OPPORTUNITY_ID,
      name: 'opportunityname',
      account_id: 'accountid',
      account_name: 'accountname',
      owner: 'opportunityowner',
      stage: 'stage',
      amount: ['amountconverted', 'amount'],
      currency: ['amountconvertedcurrency', 'amountcurrency', 'opportunitycurrency'],
      created_date: 'createddate',
      close_date: 'closedate',
      probability: 'probability',
      forecast_category: 'forecastcategory',
      lead_source: 'leadsource',
      deal_type: 'type',
      product: ['productname', 'product'],
    },
    groups: [
      { amount: 'amountconverted', currency: 'amountconvertedcurrency' },
      { amount: 'amount', currency: 'amountcurrency' },
    ],
    status: [
      { kind: 'flags', isWon: 'won', isClosed: 'closed' },
      { kind: 'stage', column: 'stage', won: ['Closed Won'], lost: ['Closed Lost'] },
    ],
  },
  {
    id: 'salesforce-lead-report',
    label: 'Salesforce lead report',
    table: 'leads',
    signature: ['leadowner', 'leadstatus', ['createddate', 'createdate'], ['firstname', 'lastname', 'company']],
    columns: {
      lead_id: ['leadid', 'email'],
      created_date: ['createddate', 'createdate'],
      source: 'leadsource',
      status: 'leadstatus',
      is_converted: 'converted',
      converted_date: 'converteddate',
      converted_opportunity_id: ['convertedopportunityid', 'opportunityid'],
      owner: 'leadowner',
      company: ['companyaccount', 'company'],
      country: 'country',
      state: ['stateprovince', 'state'],
      campaign: ['primarycampaignsource', 'campaignname', 'campaign'],
      landing_page: ['landingpage', 'landingpageurl'],
      origin: ['leadsourcedetail', 'origin'],
    },
  },
];
