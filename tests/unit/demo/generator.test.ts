import { describe, expect, it } from 'vitest';
import { DEMO_FILE_NAMES, DEMO_FLAWS, generateDemo, streamDemoTable, type DemoTable } from '../../../src/demo/generator';
import { countBy, dayOf, field, loadDemo, parseCsv, quarterEndDay, quarterOf, sumBy, table } from './demoData';

const OPTS = { seed: 42, opportunities: 5000 };
const REF = '2026-09-30';
const demo = loadDemo(OPTS);
const opps = table(demo, 'opportunities');
const reps = table(demo, 'reps');
const repNames = new Set(reps.map((r) => field(r, 'rep')));
const closed = opps.filter((o) => field(o, 'status') !== 'open');
const won = closed.filter((o) => field(o, 'status') === 'won');
const open = opps.filter((o) => field(o, 'status') === 'open');

const HEADERS: Record<DemoTable, string> = {
  opportunities:
    'opportunity_id,name,account_id,account_name,owner,stage,status,amount,currency,created_date,close_date,probability,forecast_category,lead_source,deal_type,product,lead_id',
  leads:
    'lead_id,created_date,source,status,is_converted,converted_date,converted_opportunity_id,owner,company,country,state,campaign,landing_page',
  accounts:
    'account_id,account_name,industry,employees,annual_revenue,country,state,city,postal_code,latitude,longitude,owner,territory,parent_account,county_fips',
  reps: 'rep,team,manager,region,start_date',
  quotas: 'rep,period_start,period_end,quota_amount',
  spend: 'period_start,period_end,channel,amount',
  stage_history: 'opportunity_id,changed_at,stage,amount,close_date,probability,forecast_category',
};

describe('demo generator: determinism and streaming', () => {
  it('gives byte-identical output for the same options and different output for another seed', () => {
    expect(generateDemo(OPTS)).toEqual(demo.files);
    const other = generateDemo({ ...OPTS, seed: 43 });
    expect(other['opportunities.csv'] === demo.files['opportunities.csv']).toBe(false);
    expect(other['accounts.csv'] === demo.files['accounts.csv']).toBe(false);
  });

  it('streams the same text in chunks of at most 1,000 records, header first', () => {
    const chunks = [...streamDemoTable(OPTS, 'opportunities')];
    expect(chunks[0]).toBe(`${HEADERS.opportunities}\n`);
    expect(chunks.join('') === demo.files['opportunities.csv']).toBe(true);
    expect(Math.max(...chunks.map((c) => c.split('\n').length - 1))).toBeLessThanOrEqual(1001); // +1: the duplicate
  });

  it('streams a million opportunities lazily (the first chunks arrive at once)', () => {
    const started = performance.now();
    const rows = streamDemoTable({ seed: 1, opportunities: 1_000_000 }, 'opportunities')[Symbol.iterator]();
    rows.next();
    expect(String(rows.next().value).startsWith('OPP-0000001,')).toBe(true);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('rejects bad options up front', () => {
    expect(() => streamDemoTable({ seed: 1, opportunities: 10 }, 'reps')).toThrow(RangeError);
    expect(() => streamDemoTable({ seed: 1, opportunities: 100, referenceDate: '2026-02-30' }, 'reps')).toThrow(RangeError);
  });
});

describe('demo generator: CSV format', () => {
  it('writes the canonical headers, in the order of docs/spec.md §1, for all seven files', () => {
    expect(Object.keys(demo.files).sort()).toEqual(Object.values(DEMO_FILE_NAMES).sort());
    for (const [t, header] of Object.entries(HEADERS)) {
      expect(demo.files[DEMO_FILE_NAMES[t as DemoTable]]?.split('\n')[0], t).toBe(header);
    }
  });

  it('uses plain RFC 4180 values: ISO dates, 2-decimal money, USD, quoted commas', () => {
    const text = demo.files['opportunities.csv'] ?? '';
    expect(text.includes('\r')).toBe(false);
    expect(/,"[^"\n]*, (Inc|Ltd)\.[^"\n]*",/.test(text)).toBe(true); // a quoted account name with a comma
    const bad = opps.filter(
      (o) =>
        !/^\d{4}-\d{2}-\d{2}$/.test(field(o, 'created_date')) ||
        !/^\d{4}-\d{2}-\d{2}$/.test(field(o, 'close_date')) ||
        !/^\d+\.\d{2}$/.test(field(o, 'amount')) ||
        !/^OPP-\d{7}$/.test(field(o, 'opportunity_id')) ||
        field(o, 'currency') !== 'USD' ||
        field(o, 'name') !== `${field(o, 'account_name')} — ${field(o, 'product')}`,
    );
    expect(bad).toEqual([]);
    expect(table(demo, 'spend').every((s) => /^\d+\.\d{2}$/.test(field(s, 'amount')))).toBe(true);
  });
});

describe('demo generator: team and history', () => {
  it('has 20–60 reps in regional teams under managers who are not reps', () => {
    expect(reps.length).toBe(24);
    expect(new Set(reps.map((r) => field(r, 'manager'))).size).toBeGreaterThanOrEqual(4);
    expect(reps.filter((r) => repNames.has(field(r, 'manager')))).toEqual([]);
    expect(new Set(reps.map((r) => field(r, 'region')))).toEqual(new Set(['Northeast', 'Southeast', 'Central', 'West']));
    const small = parseCsv(generateDemo({ seed: 42, opportunities: 50 })['reps.csv'] ?? '').rows;
    expect(small.length).toBe(20);
  });

  it('covers more than three years up to the reference date, and nothing after it', () => {
    const created = opps.map((o) => field(o, 'created_date')).sort();
    expect(dayOf(REF) - dayOf(created[0] ?? REF)).toBeGreaterThanOrEqual(3 * 365);
    expect(created[created.length - 1]).toBe(REF);
    expect(new Set(closed.map((o) => field(o, 'close_date').slice(0, 4))).size).toBeGreaterThanOrEqual(3);
    expect(closed.filter((o) => field(o, 'close_date') > REF)).toEqual([]);
  });

  it('spikes closes in the last three weeks of each quarter', () => {
    const late = closed.filter((o) => quarterEndDay(field(o, 'close_date')) - dayOf(field(o, 'close_date')) < 21);
    expect(late.length / closed.length).toBeGreaterThan(1.5 * (21 / 91));
  });

  it('grows year over year and has a strong Q4', () => {
    const byQuarter = sumBy(
      won,
      (o) => quarterOf(field(o, 'close_date')),
      (o) => +field(o, 'amount'),
    );
    const q = (key: string) => byQuarter.get(key) ?? 0;
    const year = (y: string) => q(`${y}-Q1`) + q(`${y}-Q2`) + q(`${y}-Q3`) + q(`${y}-Q4`);
    expect(year('2025')).toBeGreaterThan(year('2024') * 1.1);
    expect(q('2024-Q4')).toBeGreaterThan(q('2025-Q1'));
    expect(q('2025-Q4')).toBeGreaterThan(q('2026-Q1'));
  });
});

describe('demo generator: deals', () => {
  it('wins 25–40% of closed deals', () => {
    expect(won.length / closed.length).toBeGreaterThanOrEqual(0.25);
    expect(won.length / closed.length).toBeLessThanOrEqual(0.4);
  });

  it('keeps stages, probabilities and forecast categories consistent', () => {
    const expected: Record<string, string> = {
      Prospecting: 'open 0.1 pipeline',
      Qualification: 'open 0.2 pipeline',
      'Needs Analysis': 'open 0.4 pipeline',
      Proposal: 'open 0.6 best_case',
      Negotiation: 'open 0.8 commit',
      'Closed Won': 'won 1 closed',
      'Closed Lost': 'lost 0 omitted',
    };
    const describe = (o: (typeof opps)[number]) =>
      `${field(o, 'status')} ${field(o, 'probability')} ${field(o, 'forecast_category')}`;
    expect(opps.filter((o) => describe(o) !== expected[field(o, 'stage')])).toEqual([]);
    expect(new Set(opps.map((o) => field(o, 'stage'))).size).toBe(7);
  });

  it('has open deals mostly due in the next two quarters, some slipped into the past', () => {
    const slipped = open.filter((o) => field(o, 'close_date') < REF);
    const soon = open.filter((o) => field(o, 'close_date') >= REF && field(o, 'close_date') <= '2027-03-31');
    expect(slipped.length).toBeGreaterThan(0);
    expect(soon.length / open.length).toBeGreaterThan(0.6);
    expect(open.filter((o) => field(o, 'close_date') < field(o, 'created_date'))).toEqual([]);
  });
});

describe('demo generator: deliberate flaws, each exactly once', () => {
  it('duplicates one opportunity id', () => {
    const dup = [...countBy(opps, (o) => field(o, 'opportunity_id'))].filter(([, n]) => n > 1);
    expect(dup).toEqual([[DEMO_FLAWS.duplicateOpportunityId, 2]]);
  });

  it('has one deal closed before it was created', () => {
    const backwards = opps.filter((o) => field(o, 'close_date') < field(o, 'created_date'));
    expect(backwards.map((o) => [field(o, 'opportunity_id'), field(o, 'status')])).toEqual([
      [DEMO_FLAWS.closedBeforeCreatedId, 'won'],
    ]);
  });

  it('has one opportunity owned by someone not in reps, and that name nowhere else', () => {
    const unknown = opps.filter((o) => !repNames.has(field(o, 'owner')));
    expect(unknown.map((o) => [field(o, 'opportunity_id'), field(o, 'owner')])).toEqual([
      [DEMO_FLAWS.unknownOwnerOpportunityId, DEMO_FLAWS.unknownOwner],
    ]);
    expect(table(demo, 'leads').filter((l) => !repNames.has(field(l, 'owner')))).toEqual([]);
    expect(table(demo, 'accounts').filter((a) => !repNames.has(field(a, 'owner')))).toEqual([]);
    expect(table(demo, 'quotas').filter((q) => !repNames.has(field(q, 'rep')))).toEqual([]);
  });
});
