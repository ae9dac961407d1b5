// Header names that mean a canonical column in exports without a known preset
// (normalized, see normalize.ts). A later preset list makes this richer per CRM.
import type { TargetTable } from './types';

type Synonyms = Readonly<Record<string, readonly string[]>>;

export const SYNONYMS: Readonly<Partial<Record<TargetTable, Synonyms>>> = {
  opportunities: {
    opportunity_id: ['opportunityid', 'dealid', 'recordid', 'id', 'potentialid'],
    name: ['opportunityname', 'dealname', 'potentialname', 'name', 'title', 'topic'],
    account_id: ['accountid', 'companyid', 'organizationid'],
    account_name: ['accountname', 'account', 'company', 'companyname', 'organization', 'organisation', 'customer'],
    owner: ['owner', 'ownername', 'opportunityowner', 'dealowner', 'salesagent', 'salesrep', 'rep', 'assignedto'],
    stage: ['stage', 'stagename', 'dealstage', 'salesstage', 'pipelinestage', 'status'],
    amount: ['amount', 'amountconverted', 'dealamount', 'value', 'dealvalue', 'closevalue', 'estimatedrevenue'],
    currency: ['currency', 'currencyisocode', 'amountcurrency', 'dealcurrency'],
    created_date: ['createddate', 'createdate', 'created', 'createdon', 'dealcreated', 'engagedate', 'addtime'],
    close_date: ['closedate', 'expectedclosedate', 'closingdate', 'dateclosed', 'closedon', 'actualclosedate'],
    probability: ['probability', 'probabilitypercent', 'dealprobability', 'winprobability'],
    forecast_category: ['forecastcategory', 'forecastcategoryname'],
    lead_source: ['leadsource', 'source', 'originalsource'],
    deal_type: ['type', 'dealtype', 'opportunitytype'],
    product: ['product', 'productname'],
    lead_id: ['leadid'],
  },
  reps: {
    rep: ['rep', 'salesagent', 'salesrep', 'owner', 'user', 'fullname', 'name'],
    team: ['team', 'salesteam'],
    manager: ['manager', 'managername'],
    region: ['region', 'regionaloffice', 'office'],
    start_date: ['startdate', 'hiredate'],
  },
  accounts: {
    account_id: ['accountid', 'companyid'],
    account_name: ['accountname', 'account', 'company', 'companyname', 'name'],
    industry: ['industry', 'sector'],
    employees: ['employees', 'numberofemployees'],
    annual_revenue: ['annualrevenue', 'revenue'],
    country: ['country', 'billingcountry'],
    state: ['state', 'billingstate'],
    city: ['city', 'billingcity'],
  },
};

const WON = /\bwon\b|closedwon|gewonnen|gagn[ée]|ganad[oa]|ganho|^win$/i;
const LOST = /\blost\b|closedlost|verloren|perdu|perdid[oa]|^loss$/i;

/** Which source stage values mean won and lost, guessed from their names (the user can change it). */
export function inferWonLost(values: readonly string[]): { won: string[]; lost: string[] } {
  return { won: values.filter((v) => WON.test(v)), lost: values.filter((v) => LOST.test(v)) };
}
