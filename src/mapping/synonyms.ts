// Header names that mean a canonical column in exports without a known preset
// (normalized, see normalize.ts), in English and the languages CRM exports come in
// (German, French, Spanish, Portuguese, Dutch). Earlier names win over later ones.
import type { TargetTable } from './types';

type Synonyms = Readonly<Record<string, readonly string[]>>;

const CREATED = ['createddate', 'createdate', 'created', 'createdon', 'createdtime', 'dealcreated', 'addtime', 'erstelltam'];
const OWNER = [
  'owner',
  'ownername',
  'opportunityowner',
  'dealowner',
  'salesagent',
  'salesrep',
  'salesperson',
  'rep',
  'assignedto',
];
const OWNER_I18N = [
  'besitzer',
  'inhaber',
  'verantwortlicher',
  'proprietaire',
  'responsable',
  'propietario',
  'proprietario',
  'eigenaar',
  'commercial',
  'vendeur',
  'verkaufer',
  'vendedor',
  'verkoper',
];

export const SYNONYMS: Readonly<Partial<Record<TargetTable, Synonyms>>> = {
  opportunities: {
    opportunity_id: ['opportunityid', 'dealid', 'recordid', 'id', 'potentialid', 'reference', 'referencia', 'referentie'],
    name: ['opportunityname', 'dealname', 'potentialname', 'name', 'title', 'topic', 'titel', 'titre', 'titulo'],
    account_id: ['accountid', 'companyid', 'organizationid'],
    account_name: [
      'accountname',
      'account',
      'company',
      'companyname',
      'organization',
      'organisation',
      'customer',
      'potentialcustomer',
      'kunde',
      'firma',
      'client',
      'cliente',
      'empresa',
      'organizacion',
      'organizacao',
      'organisatie',
      'klant',
    ],
    owner: [...OWNER, ...OWNER_I18N],
    stage: [
      'stage',
      'stagename',
      'dealstage',
      'salesstage',
      'pipelinestage',
      'phase',
      'fase',
      'etape',
      'etapa',
      'status',
      'statut',
      'estado',
    ],
    amount: [
      'amount',
      'amountconverted',
      'dealamount',
      'value',
      'dealvalue',
      'closevalue',
      'estimatedrevenue',
      'estrevenue',
      'wert',
      'betrag',
      'valeur',
      'montant',
      'valor',
      'importe',
      'waarde',
      'bedrag',
    ],
    currency: ['currency', 'currencyisocode', 'amountcurrency', 'dealcurrency', 'wahrung', 'devise', 'moneda', 'moeda', 'valuta'],
    created_date: CREATED,
    close_date: [
      'closedate',
      'expectedclosedate',
      'expectedclose',
      'closingdate',
      'dateclosed',
      'closedon',
      'actualclosedate',
      'estclosedate',
      'abschlussdatum',
      'datedecloture',
      'fechadecierre',
      'datadefechamento',
      'sluitingsdatum',
    ],
    probability: [
      'probability',
      'probabilitypercent',
      'dealprobability',
      'winprobability',
      'wahrscheinlichkeit',
      'probabilite',
      'probabilidad',
      'probabilidade',
    ],
    forecast_category: ['forecastcategory', 'forecastcategoryname'],
    lead_source: ['leadsource', 'source', 'originalsource', 'quelle', 'origine', 'origen', 'origem', 'bron'],
    deal_type: ['type', 'dealtype', 'opportunitytype'],
    product: ['product', 'productname'],
    lead_id: ['leadid', 'contactid'],
  },
  leads: {
    lead_id: ['leadid', 'recordid', 'contactid', 'id', 'email'],
    // A lead list dates a lead by its first contact and says where it came from as its origin.
    created_date: [...CREATED, 'firstcontactdate', 'firstcontact', 'firstcontactedon', 'erstkontakt', 'premiercontact'],
    source: [
      'leadsource',
      'source',
      'originalsource',
      'channel',
      'origin',
      'leadorigin',
      'herkunft',
      'origine',
      'origem',
      'bron',
    ],
    status: ['leadstatus', 'status', 'lifecyclestage'],
    is_converted: [
      'isconverted',
      'converted',
      'konvertiert',
      'kundegeworden',
      'istkundegeworden',
      'converti',
      'convertido',
      'geconverteerd',
    ],
    converted_date: ['converteddate', 'conversiondate', 'becameanopportunitydate'],
    converted_opportunity_id: ['convertedopportunityid', 'opportunityid', 'dealid'],
    owner: ['leadowner', 'contactowner', ...OWNER],
    company: ['company', 'companyname'],
    country: ['country', 'countryregion'],
    state: ['state', 'stateregion', 'stateprovince'],
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
  quotas: {
    rep: ['rep', 'salesrep', 'owner', 'user', 'salesagent'],
    period_start: ['periodstart', 'startdate', 'quarterstart', 'monthstart', 'from'],
    period_end: ['periodend', 'enddate', 'quarterend', 'monthend', 'to'],
    quota_amount: ['quotaamount', 'quota', 'target'],
  },
  spend: {
    period_start: ['periodstart', 'month', 'startdate', 'date'],
    period_end: ['periodend', 'enddate'],
    channel: ['channel', 'campaign', 'source'],
    amount: ['spend', 'cost', 'amount'],
  },
  stage_history: {
    opportunity_id: ['opportunityid', 'dealid'],
    changed_at: ['changedat', 'changedate', 'createddate', 'modifieddate', 'date'],
    stage: ['stagename', 'stage', 'tostage'],
    amount: ['amount'],
    close_date: ['closedate'],
    probability: ['probability'],
    forecast_category: ['forecastcategoryname', 'forecastcategory'],
  },
};

const WON = /\bwon\b|closedwon|gewonnen|gagn[ée]|ganad[oa]|ganho|^win$/i;
const LOST = /\blost\b|closedlost|verloren|perdu|perdid[oa]|^loss$/i;

/** Which source stage values mean won and lost, guessed from their names (the user can change it). */
export function inferWonLost(values: readonly string[]): { won: string[]; lost: string[] } {
  return { won: values.filter((v) => WON.test(v)), lost: values.filter((v) => LOST.test(v)) };
}

/**
 * Won and closed flag columns of a deals file without a stage (Dynamics' `Is Won`, a sheet's
 * `Won?`/`Closed?`): read as the status when both are present (docs/recognition.md).
 */
export const WON_FLAG = ['iswon', 'won', 'isclosedwon', 'gewonnen', 'gagne', 'ganado', 'ganho'];
export const CLOSED_FLAG = ['isclosed', 'closed', 'geschlossen', 'ferme', 'cerrado', 'fechado', 'gesloten'];
