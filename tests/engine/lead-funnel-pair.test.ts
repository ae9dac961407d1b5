// The Leads screen on a marketing-funnel pair as an analyst would drop it (tests/fixtures/funnel:
// a lead list, and won deals that name the lead with only a won date and no amount). Every
// expected value is counted here in plain JS from the fixture text, never from our SQL: leads,
// opportunities and customers per origin, and — the deals carrying no amount — revenue that is
// "not available", never $0 (docs/leads.md).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LeadQualityResult } from '../../src/features/leads/contract';
import { Analytics } from '../../workers/analytics/Analytics';
import { openNodeEngine } from '../../src/platform/engine/openNode';
import { FIXTURES } from './helpers/engine';

const text = (name: string) => readFileSync(path.join(FIXTURES, 'funnel', name), 'utf8');
const bytes = (name: string) => ({ name, data: new TextEncoder().encode(text(name)) });
/** Plain-JS reading (no quoted fields in these files). */
function records(name: string): Record<string, string>[] {
  const [head, ...lines] = text(name).trim().split('\n');
  const names = (head ?? '').split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [names[i] ?? '', v])));
}

const leads = records('mql_leads.csv');
const deals = records('closed_deals.csv');

describe('lead quality on the marketing-funnel pair (mql_leads + closed_deals)', () => {
  let analytics: Analytics;
  let q: LeadQualityResult;
  beforeAll(async () => {
    analytics = new Analytics(await openNodeEngine());
    const proposal = await analytics.stageFiles([bytes('mql_leads.csv'), bytes('closed_deals.csv')]);
    await analytics.applyImport(proposal.plan);
    q = await analytics.leadQuality({ period: 'all', fiscalStartMonth: 1, by: 'source' });
  });

  it('counts leads, opportunities and customers by origin as the files say', () => {
    const ref = q.referenceDate;
    const expected = new Map<string | null, { leads: number; opp: number; customers: number; unpriced: number }>();
    for (const lead of leads) {
      const origin = lead['origin'] === '' ? null : (lead['origin'] ?? null);
      const created = lead['first_contact_date'] ?? '';
      const named = deals.filter((d) => d['mql_id'] === lead['mql_id']);
      // A customer: a deal won by the reference date and not before the lead's first contact.
      const won = named.filter((d) => {
        const day = (d['won_date'] ?? '').slice(0, 10);
        return day >= created && day <= ref;
      });
      const e = expected.get(origin) ?? { leads: 0, opp: 0, customers: 0, unpriced: 0 };
      e.leads += 1;
      if (named.length > 0) e.opp += 1;
      if (won.length > 0) e.customers += 1;
      e.unpriced += won.length;
      expected.set(origin, e);
    }
    expect(q.unavailable).toBeNull();
    const got = new Map(
      q.groups.map((g) => [g.value, { leads: g.leads, opp: g.toOpportunity, customers: g.toCustomer, unpriced: g.wonUnpriced }]),
    );
    expect(got).toEqual(expected);
    expect([...expected.values()].reduce((n, e) => n + e.customers, 0)).toBeGreaterThan(0);
  });

  it('opens each origin’s leads: the same counts, and revenue not available rather than $0', async () => {
    expect(q.groups.some((g) => g.wonUnpriced > 0)).toBe(true);
    for (const g of q.groups) {
      const list = await analytics.leadList({
        period: 'all',
        fiscalStartMonth: 1,
        target: { attribute: 'source', key: g.value },
      });
      expect([list.totals.count, list.totals.converted, list.totals.customers], String(g.value)).toEqual([
        g.leads,
        g.toOpportunity,
        g.toCustomer,
      ]);
      expect(list.totals.unpriced).toBe(g.wonUnpriced);
      if (g.wonUnpriced > 0) {
        expect(list.totals.wonAmount).toBeNull();
        expect(list.rows.filter((r) => r.customer).every((r) => r.won_amount === null)).toBe(true);
      }
    }
  });
});
