import { describe, expect, it } from 'vitest';
import { DEMO_FLAWS } from '../../../src/demo/generator';
import { countBy, dayOf, field, loadDemo, quarterOf, type Row, table } from './demoData';

const REF = '2026-09-30';
const demo = loadDemo({ seed: 7, opportunities: 4000 });
const opps = table(demo, 'opportunities');
const leads = table(demo, 'leads');
const reps = table(demo, 'reps');
const quotas = table(demo, 'quotas');
const oppById = new Map(opps.map((o) => [field(o, 'opportunity_id'), o]));
const leadById = new Map(leads.map((l) => [field(l, 'lead_id'), l]));
const converted = leads.filter((l) => field(l, 'is_converted') === 'true');

/** Quarter keys from 2023-Q3 (history start for REF) to 2026-Q3. */
const QUARTERS = Array.from({ length: 13 }, (_, k) => `${2023 + Math.floor((k + 2) / 4)}-Q${((k + 2) % 4) + 1}`);

describe('demo leads', () => {
  it('has three leads per opportunity, each id once', () => {
    expect(leads.length).toBe(3 * 4000);
    expect(leadById.size).toBe(leads.length);
    expect(converted.length).toBeGreaterThan(0.05 * leads.length);
  });

  it('points each converted lead at an opportunity that names it back', () => {
    const broken = converted.filter((l) => {
      const o = oppById.get(field(l, 'converted_opportunity_id'));
      return (
        !o ||
        field(o, 'lead_id') !== field(l, 'lead_id') ||
        field(l, 'converted_date') !== field(o, 'created_date') ||
        field(l, 'created_date') > field(l, 'converted_date') ||
        field(l, 'source') !== field(o, 'lead_source')
      );
    });
    expect(broken).toEqual([]);
  });

  it('points each opportunity lead_id at a lead converted into it', () => {
    const referenced = opps.filter((o) => field(o, 'lead_id') !== '');
    expect(referenced.length).toBe(converted.length);
    const broken = referenced.filter((o) => {
      const lead = leadById.get(field(o, 'lead_id'));
      return !lead || field(lead, 'converted_opportunity_id') !== field(o, 'opportunity_id');
    });
    expect(broken).toEqual([]);
  });
});

describe('demo lead sources', () => {
  it('converts at different rates by source; unconverted leads have empty conversion fields', () => {
    const rate = (source: string) => {
      const of = leads.filter((l) => field(l, 'source') === source);
      return of.filter((l) => field(l, 'is_converted') === 'true').length / of.length;
    };
    expect(rate('Referral')).toBeGreaterThan(2 * rate('Paid Search'));
    const unconverted = leads.filter((l) => field(l, 'is_converted') === 'false');
    expect(unconverted.length + converted.length).toBe(leads.length);
    expect(unconverted.filter((l) => field(l, 'converted_date') + field(l, 'converted_opportunity_id') !== '')).toEqual([]);
    expect(leads.filter((l) => field(l, 'created_date') > REF)).toEqual([]);
  });
});

describe('demo quotas', () => {
  it('has one quota per rep and quarter from the rep’s start on', () => {
    const quarterEnd = new Map(quotas.map((q) => [quarterOf(field(q, 'period_start')), field(q, 'period_end')]));
    expect([...quarterEnd.keys()].sort()).toEqual(QUARTERS);
    const byKey = countBy(quotas, (q) => `${field(q, 'rep')}|${quarterOf(field(q, 'period_start'))}`);
    const wrong: string[] = [];
    for (const r of reps) {
      for (const q of QUARTERS) {
        const expected = field(r, 'start_date') <= (quarterEnd.get(q) ?? '') ? 1 : 0;
        if ((byKey.get(`${field(r, 'rep')}|${q}`) ?? 0) !== expected) wrong.push(`${field(r, 'rep')} ${q}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('runs each quota period over a whole quarter, ending on its last day', () => {
    const bad = quotas.filter((q) => {
      const start = field(q, 'period_start');
      const end = field(q, 'period_end');
      const nextDay = new Date((dayOf(end) + 1) * 86_400_000).toISOString().slice(0, 10);
      return !/-(01|04|07|10)-01$/.test(start) || quarterOf(end) !== quarterOf(start) || quarterOf(nextDay) === quarterOf(end);
    });
    expect(bad).toEqual([]);
    expect(quotas.filter((q) => !(+field(q, 'quota_amount') > 0))).toEqual([]);
  });

  it('sizes quotas so that attainment averages 80–110%', () => {
    const won = opps.filter((o) => field(o, 'status') === 'won');
    const total = (rows: Row[], col: string) => rows.reduce((s, r) => s + +field(r, col), 0);
    const attainment = total(won, 'amount') / total(quotas, 'quota_amount');
    expect(attainment).toBeGreaterThan(0.8);
    expect(attainment).toBeLessThan(1.1);
  });
});

describe('demo spend', () => {
  it('has spend for every month and channel of the history', () => {
    const spend = table(demo, 'spend');
    expect(spend.length).toBe(39 * 5);
    const channels = ['Paid Search', 'Events', 'Content', 'SDR Team', 'Partners'];
    expect(new Set(spend.map((s) => field(s, 'channel')))).toEqual(new Set(channels));
    expect(spend[0]?.period_start).toBe('2023-07-01');
    expect(spend[spend.length - 1]?.period_end).toBe(REF);
  });
});

describe('demo accounts', () => {
  const accounts = table(demo, 'accounts');

  it('has opportunities / 8 uniquely named accounts, mostly without parent', () => {
    expect(accounts.length).toBe(500);
    expect(new Set(accounts.map((a) => field(a, 'account_name'))).size).toBe(500);
    expect(accounts.filter((a) => field(a, 'parent_account') !== '').length).toBeLessThan(50);
    expect(accounts.filter((a) => !/^(Northeast|Southeast|Central|West)-(\d{2}|Named)$/.test(field(a, 'territory')))).toEqual([]);
  });

  it('places accounts in US states with matching county FIPS codes and coordinates', () => {
    const prefixes = countBy(accounts, (a) => `${field(a, 'state')}:${field(a, 'county_fips').slice(0, 2)}`);
    expect(new Set([...prefixes.keys()].map((k) => k.split(':')[0])).size).toBe(prefixes.size); // one prefix per state
    expect(prefixes.has('CA:06') || !accounts.some((a) => field(a, 'state') === 'CA')).toBe(true);
    const bad = accounts.filter((a) => {
      const [lat, lon] = [+field(a, 'latitude'), +field(a, 'longitude')];
      return (
        field(a, 'country') !== 'United States' ||
        !/^\d{5}$/.test(field(a, 'county_fips')) ||
        lat < 24 ||
        lat > 49 ||
        lon < -125 ||
        lon > -66
      );
    });
    expect(bad).toEqual([]);
  });
});

describe('demo stage history', () => {
  const byOpp = new Map<string, Row[]>();
  for (const h of table(demo, 'stage_history')) {
    const id = field(h, 'opportunity_id');
    byOpp.set(id, [...(byOpp.get(id) ?? []), h]);
  }

  it('records 1–5 snapshots per opportunity, first at creation, last at the current stage', () => {
    expect(byOpp.size).toBe(oppById.size);
    const bad = [...byOpp].filter(([id, rows]) => {
      const o = oppById.get(id) as Row;
      const [first, last] = [rows[0] as Row, rows[rows.length - 1] as Row];
      return (
        rows.length > 5 || field(first, 'changed_at') !== field(o, 'created_date') || field(last, 'stage') !== field(o, 'stage')
      );
    });
    expect(bad.map(([id]) => id)).toEqual([]);
  });

  it('dates snapshots in order, no later than the close (or the reference date)', () => {
    const bad = [...byOpp].filter(([id, rows]) => {
      if (id === DEMO_FLAWS.closedBeforeCreatedId) return false;
      const o = oppById.get(id) as Row;
      const end = field(o, 'close_date') < REF ? field(o, 'close_date') : REF;
      const days = rows.map((h) => field(h, 'changed_at'));
      return days.some((d, k) => d > end || (k > 0 && d < (days[k - 1] ?? '')));
    });
    expect(bad.map(([id]) => id)).toEqual([]);
  });
});
