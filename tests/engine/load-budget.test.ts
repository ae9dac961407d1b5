// A drop larger than the engine's memory allows is refused up front with a message that says
// why and what to do, and leaves the loaded data and the engine working (workers/analytics/
// loadBudget.ts). The budget is made small here so the path runs on small files.
import { beforeAll, describe, expect, it } from 'vitest';
import { Analytics } from '../../workers/analytics/Analytics';
import { openNodeEngine } from '../../src/platform/engine/openNode';
import { fixture, kpi, loadFiles } from './helpers/engine';

const HEADER = 'opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\n';
const rows = (from: number, n: number) =>
  Array.from({ length: n }, (_, k) => `D${from + k},Ann Lee,GTX Basic,Account ${from + k},Won,2021-03-01,2021-04-15,100\n`).join(
    '',
  );
const csv = (name: string, text: string) => ({ name, data: new TextEncoder().encode(text) });

describe('load budget', () => {
  const small = csv('small.csv', HEADER + rows(1, 3));
  let analytics: Analytics;
  beforeAll(async () => {
    // Budget: a little more than the small file, far less than the large one.
    analytics = new Analytics(await openNodeEngine(), small.data.byteLength + 200);
    await loadFiles(analytics, [small]);
  });

  it('refuses a drop over the budget with the reason and what to do', async () => {
    const large = csv('large.csv', HEADER + rows(100, 200));
    await expect(analytics.stageFiles([large])).rejects.toThrow(
      /large\.csv holds \d+ MB of data; this page loads up to \d+ MB at a time.*Nothing was loaded and the data on screen is unchanged\. Export fewer rows/,
    );
    // Two files count together.
    await expect(analytics.stageFiles([small, small])).rejects.toThrow(/These 2 files hold/);
  });

  it('keeps the loaded data and a working engine after the refusal', async () => {
    const result = await analytics.dashboard({ period: 'all', fiscalStartMonth: 1 });
    expect(kpi(result, 'won_count')).toBe(3);
    const again = await loadFiles(analytics, [csv('other.csv', HEADER + rows(10, 2))]);
    expect(again.files[0]?.rowsLoaded).toBe(2);
    expect(kpi(await analytics.dashboard({ period: 'all', fiscalStartMonth: 1 }), 'won_count')).toBe(2);
  });

  it('the default budget lets the corpus through', async () => {
    const open = new Analytics(await openNodeEngine());
    const loaded = await loadFiles(open, [fixture('messy/semicolon.csv')]);
    expect(loaded.files[0]?.rowsRead).toBeGreaterThan(0);
  });
});
