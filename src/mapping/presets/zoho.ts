// Zoho CRM exports. Deals are "Potentials" in Zoho's API and older editions, "Deals" in
// newer ones; both spellings are accepted. Won/lost come from the default stages.
import type { Preset } from './preset';

export const ZOHO_PRESETS: readonly Preset[] = [
  {
    id: 'zoho-potentials',
    label: 'Zoho CRM potentials (deals)',
    table: 'opportunities',
    signature: [['potentialname', 'dealname'], ['potentialowner', 'dealowner'], 'closingdate', 'stage'],
    columns: {
      opportunity_id: ['recordid', 'potentialid', 'dealid', 'id', 'potentialname', 'dealname'],
      name: ['potentialname', 'dealname'],
      account_id: 'accountid',
      account_name: 'accountname',
      owner: ['potentialowner', 'dealowner'],
      stage: 'stage',
      amount: 'amount',
      currency: 'currency',
      created_date: 'createdtime',
      close_date: 'closingdate',
      probability: ['probability', 'probabilitypercent'],
      lead_source: 'leadsource',
      deal_type: 'type',
    },
    status: {
      kind: 'stage',
      column: 'stage',
      won: ['Closed Won'],
      lost: ['Closed Lost', 'Closed-Lost to Competition', 'Closed Lost to Competition'],
    },
  },
  {
    id: 'zoho-leads',
    label: 'Zoho CRM leads',
    table: 'leads',
    signature: ['leadowner', 'company', 'createdtime', ['leadstatus', 'leadsource']],
    columns: {
      lead_id: ['recordid', 'leadid', 'id', 'email'],
      created_date: 'createdtime',
      source: 'leadsource',
      status: 'leadstatus',
      owner: 'leadowner',
      company: 'company',
      country: 'country',
      state: 'state',
    },
  },
  {
    id: 'zoho-accounts',
    label: 'Zoho CRM accounts',
    table: 'accounts',
    signature: ['accountname', 'accountowner', ['billingcountry', 'billingcity', 'industry']],
    columns: {
      account_id: ['recordid', 'accountid'],
      account_name: 'accountname',
      industry: 'industry',
      employees: 'employees',
      annual_revenue: 'annualrevenue',
      country: 'billingcountry',
      state: 'billingstate',
      city: 'billingcity',
      postal_code: 'billingcode',
      owner: 'accountowner',
      parent_account: 'parentaccount',
    },
  },
];
