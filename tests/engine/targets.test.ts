// Targets and pacing on the demo: each bookings bucket's quota, the period's quota and the
// leaderboard's per-rep quota equal a plain-JS proration of the generated quota file (quota ×
// days the quota period shares with the bucket ÷ its days), on both roads (cube and rows).
import { beforeAll, describe, expect, it } from 'vitest';
import { streamDemoTable } from '../../src/demo/generator';
import type { DashboardRequest } from '../../src/engine-api/types';
import { Analytics } from '../../workers/analytics/Analytics';
import { dashboard } from '../../workers/analytics/dashboard';
import { openNodeEngine } from '../../src/platform/engine/openNode';

const DEMO = { seed: 20261129, opportunities: 3000 };
const DAY = 86_400_000;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;

interface Quota {
  rep: string;
  start: number;
  end: number;
  amount: number;
}
const quotas: Quota[] = [...streamDemoTable(DEMO, 'quotas')]
  .join('')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [rep = '', start = '', end = '', amount = ''] = line.split(',');
    return { rep, start: day(start), end: day(end) + 1, amount: Number(amount) };
  });

/** Quota of [from, to) (ISO dates, `to` exclusive), prorated by days, optionally for one rep. */
function quotaOf(from: string, to: string, rep?: string): number {
  const a = day(from);
  const b = day(to);
  return quotas
    .filter((q) => rep === undefined || q.rep === rep)
    .reduce((s, q) => s + (q.amount * Math.max(0, Math.min(b, q.end) - Math.max(a, q.start))) / (q.end - q.start), 0);
}

const nextMonth = (iso: string, n: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 10);
};

class Roads extends Analytics {
  async on(req: DashboardRequest, path: 'cube' | 'rows') {
    const ctx = await this.context();
    return dashboard(ctx, req, { path });
  }
}

describe('targets and pacing (demo quotas)', () => {
  let demo: Roads;
  beforeAll(async () => {
    demo = new Roads(await openNodeEngine());
    await demo.loadDemo(DEMO);
  });

  it.each([
    ['2025', 1],
    ['2025-Q3', 1],
    ['2025', 4],
  ] as const)('gives every bucket of %s (fy %i) its prorated quota, on both roads', async (period, fiscalStartMonth) => {
    for (const path of ['cube', 'rows'] as const) {
      const r = await demo.on({ period, fiscalStartMonth }, path);
      expect(r.bookings.length).toBeGreaterThan(0);
      for (const b of r.bookings) expect(b.quota, `${path} ${b.start}`).toBeCloseTo(quotaOf(b.start, nextMonth(b.start, 1)), 6);
      const first = r.bookings[0]?.start ?? '';
      const total = quotaOf(first, nextMonth(first, r.bookings.length));
      expect(r.quota).toBeCloseTo(total, 6);
      const won = r.kpis.find((k) => k.id === 'won_amount')?.value ?? 0;
      expect(r.kpis.find((k) => k.id === 'quota_attainment')?.value).toBeCloseTo(won / total, 12);
      const top = r.views?.leaderboard.find((x) => x.quota !== null && x.key !== null);
      expect(top?.quota).toBeCloseTo(quotaOf(first, nextMonth(first, r.bookings.length), top?.key ?? ''), 6);
    }
  });

  it('draws no target when a filter quotas do not carry is on', async () => {
    const r = await demo.on({ period: '2025', fiscalStartMonth: 1, filters: { product: ['Core Platform'] } }, 'cube');
    expect(r.bookings.every((b) => b.quota === undefined)).toBe(true);
    expect(r.quota).toBeNull();
  });
});
