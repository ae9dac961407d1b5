// A small lead funnel worked out by hand: deals name their lead (lead_id) or a lead names its
// deal (converted_opportunity_id); the comments give each lead-to-customer span in days.
export const csv = (name: string, lines: string[]) => ({ name, data: new TextEncoder().encode(lines.join('\n') + '\n') });
export const OPP_HEAD =
  'opportunity_id,name,account_id,account_name,owner,stage,status,amount,currency,created_date,close_date,probability,forecast_category,lead_source,deal_type,product,lead_id';
export const OPPS = [
  'D1,d1,A1,Acme,A,Closed Won,won,100,USD,2024-01-10,2024-01-31,1,closed,Web,New,P1,L1', // L1 01-02 → 29 days
  'D2,d2,A2,Beta,A,Closed Won,won,100,USD,2024-02-01,2024-02-20,1,closed,Event,New,P1,', // L2 names it: 01-15 → 36 days
  'D3,d3,A1,Acme,B,Closed Won,won,100,USD,2024-02-15,2024-03-15,1,closed,Web,New,P1,L1', // L1 again: 01-02 → 73 days
  'D4,d4,A3,Gamma,B,Closed Won,won,100,USD,2024-03-01,2024-03-20,1,closed,Web,New,P1,', // no lead
  'D5,d5,A2,Beta,A,Closed Lost,lost,100,USD,2024-01-20,2024-02-10,0,omitted,Web,New,P1,L3',
  'D6,d6,A4,Delta,A,Closed Won,won,100,USD,2024-01-25,2024-02-05,1,closed,Event,New,P1,L6', // L6 created after the close
  'D7,d7,A3,Gamma,B,Proposal,open,100,USD,2024-03-05,2024-06-30,0.5,pipeline,Partner,New,P1,L4',
  'D8,d8,A5,Eps,A,Closed Won,won,100,USD,2024-04-01,2024-05-10,1,closed,Web,New,P1,L5', // L5 03-28 → 43 days
];
export const LEAD_HEAD =
  'lead_id,created_date,source,status,is_converted,converted_date,converted_opportunity_id,owner,company,country,state';
export const LEADS = [
  'L1,2024-01-02,Web,Converted,true,2024-01-10,,A,Acme,US,NY',
  'L2,2024-01-15,Event,Converted,true,2024-02-01,D2,A,Beta,US,NY',
  'L3,2024-01-18,Web,Converted,true,2024-01-20,,A,Beta,US,NY',
  'L4,2024-03-02,Partner,Converted,true,2024-03-05,,B,Gamma,US,CA',
  'L5,2024-03-28,Web,Converted,true,2024-04-01,,B,Eps,US,CA',
  'L6,2024-02-10,Event,Open,false,,,A,Delta,US,CA',
  'L7,2024-02-25,Web,Open,false,,,B,Zeta,US,CA',
  'L8,2024-03-30,Web,Open,false,,,B,Eta,US,CA',
];
export const REPS = csv('reps.csv', ['rep,team,manager,region,start_date', 'A,T1,M1,East,2020-01-01', 'B,T2,M2,West,2020-01-01']);
