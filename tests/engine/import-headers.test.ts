// Issue 14: a header name used by two columns silently took the first column; an empty file
// opened a mapping screen that never said the file was empty.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Analytics } from '../../workers/analytics/Analytics';
import { fixture, kpi, openAnalytics } from './helpers/engine';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('header hazards', () => {
  let analytics: Analytics;
  beforeAll(async () => {
    analytics = await openAnalytics();
  });

  it('reports a repeated header name, maps neither column on its own, and loads the one the user picks', async () => {
    const csv = [
      'opportunity_id,sales_agent,close_value,deal_stage,close_date,close_value',
      'D1,Ann,100,Won,2017-01-02,999',
      'D2,Bob,200,Won,2017-01-03,1',
    ].join('\n');
    const proposal = await analytics.stageFiles([{ name: 'dup.csv', data: utf8(csv) }]);
    const file = proposal.files[0]!;
    expect(file.reading?.repeatedHeaders).toEqual([['close_value', 'close_value_1']]);
    expect(file.reading?.notes?.join(' ')).toContain('the header "close_value" names 2 columns (3, 6)');
    expect(proposal.needsReview).toBe(true);
    const mapping = proposal.plan.mappings[0]!;
    expect(mapping.columns['amount']).toBeUndefined();
    // The user says the second one is the amount: 999 + 1 won.
    const chosen = { ...mapping, columns: { ...mapping.columns, amount: { source: 'close_value_1' } } };
    const result = await analytics.applyImport({ mappings: [chosen] });
    expect(result.notes.join(' ')).toContain('names 2 columns');
    const dash = await analytics.dashboard({ period: 'all', fiscalStartMonth: 1 });
    expect(kpi(dash, 'won_amount')).toBe(1000);
  });

  it('says an empty file is empty instead of opening a mapping with nothing to load', async () => {
    await expect(analytics.stageFiles([{ name: 'nothing.csv', data: new Uint8Array(0) }])).rejects.toThrow(
      /nothing\.csv: the file is empty .*nothing to load/,
    );
    // Dropped with a real file, it is ignored and the note says why.
    const proposal = await analytics.stageFiles([fixture('messy/comma.csv'), { name: 'nothing.csv', data: new Uint8Array(0) }]);
    const empty = proposal.files.find((f) => f.fileName === 'nothing.csv');
    expect(empty?.reading).toMatchObject({
      empty: true,
      notes: ['nothing.csv is empty: it has no header and no rows, so nothing is loaded from it.'],
    });
  });
});
