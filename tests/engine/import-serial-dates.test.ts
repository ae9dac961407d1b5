// Excel serial days in a text date column are recognized for the whole column or not at
// all: never one row read as a serial and the next as a calendar date.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Analytics } from '../../workers/analytics/Analytics';
import { openAnalytics } from './helpers/engine';

const HEADER = 'opportunity_id,sales_agent,deal_stage,engage_date,close_date,close_value\n';
const file = (rows: string[]) => ({ name: 'serials.csv', data: new TextEncoder().encode(HEADER + rows.join('\n') + '\n') });

describe('Excel serial dates in text', () => {
  let analytics: Analytics;
  beforeAll(async () => {
    analytics = await openAnalytics();
  });

  const closeFormat = async (rows: string[]) => {
    const proposal = await analytics.stageFiles([file(rows)]);
    const m = proposal.plan.mappings[0];
    return { proposal, format: m?.decisions?.[m.columns['close_date']?.source ?? '']?.dateFormat };
  };

  it('reads a column of plausible serials as dates (45291 = 2023-12-31)', async () => {
    const { proposal, format } = await closeFormat(['A,Ann,Won,45200,45291,100', 'B,Bob,Won,45001.25,45292.75,50']);
    expect(format).toBe('excel-serial');
    const result = await analytics.applyImport(proposal.plan);
    expect(result.files[0]).toMatchObject({ rowsLoaded: 2, rowsRejected: 0 });
    // 45291 → 2023-12-31 and 45292.75 → 2024-01-01 18:00: one won deal in each year.
    const y2023 = await analytics.dashboard({ period: '2023', fiscalStartMonth: 1 });
    expect(y2023.kpis.find((k) => k.id === 'won_amount')?.value).toBe(100);
    const y2024 = await analytics.dashboard({ period: '2024', fiscalStartMonth: 1 });
    expect(y2024.kpis.find((k) => k.id === 'won_amount')?.value).toBe(50);
  });

  it('does not take numbers outside the plausible range for serials', async () => {
    const { format } = await closeFormat(['A,Ann,Won,12345,12399,100', 'B,Bob,Won,12346,12400,50']);
    expect(format).not.toBe('excel-serial');
  });

  it('does not mix serials and calendar dates in one column: the serial rows are rejected', async () => {
    const { proposal, format } = await closeFormat([
      'A,Ann,Won,2023-12-01,2023-12-31,100',
      'B,Bob,Won,2023-12-02,2024-01-02,50',
      'C,Cy,Won,2023-12-03,45291,70',
    ]);
    expect(format).toBe('iso');
    const result = await analytics.applyImport(proposal.plan);
    expect(result.files[0]).toMatchObject({ rowsLoaded: 2, rowsRejected: 1 });
    expect(result.files[0]?.rejects[0]).toMatchObject({ line: 4, raw: '45291' });
  });
});
