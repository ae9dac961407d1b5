// A column chosen by hand on the mapping screen is profiled as on a drop (docs/import.md): when
// its values read two ways and nothing settles them, the engine returns the question (with each
// reading's effect), the load still refuses the unanswered plan, and the answer loads the number
// it said. Expected values are summed by hand (tests/fixtures/hand-mapped/README.md).
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportProposal, ImportQuestion } from '../../src/engine-api/types';
import type { TableMapping } from '../../src/mapping/types';
import type { Analytics } from '../../workers/analytics/Analytics';
import { fixture, kpi, openAnalytics } from './helpers/engine';

const FILE = 'hand-mapped/deals-second-amount.csv';

function reading(q: ImportQuestion | undefined, name: string) {
  const r = q?.readings.find((x) => x.reading === name);
  if (!r) throw new Error(`no reading ${name}`);
  return r;
}

describe('a column chosen by hand', () => {
  let analytics: Analytics;
  let proposal: ImportProposal;
  let mapping: TableMapping;
  beforeAll(async () => {
    analytics = await openAnalytics();
  });

  async function stage(): Promise<void> {
    proposal = await analytics.stageFiles([fixture(FILE)]);
    const m = proposal.plan.mappings[0];
    if (!m) throw new Error('no mapping');
    mapping = m;
  }

  it('loads the recognized columns without a question', async () => {
    await stage();
    expect(proposal.questions).toEqual([]);
    expect(mapping.columns['amount']?.source).toBe('close_value');
  });

  it('asks thousands or decimal for an amount column that reads two ways, and loads the answer', async () => {
    await stage();
    const chosen = { ...mapping, columns: { ...mapping.columns, amount: { source: 'net_value' } } };
    const questions = await analytics.askQuestions(chosen);
    expect(questions.map((q) => [q.column, q.kind])).toEqual([['net_value', 'number']]);
    const thousands = reading(questions[0], 'thousands');
    const decimal = reading(questions[0], 'decimal');
    expect(thousands.effect).toMatchObject({ rowsRead: 4, nonBlank: 4 });
    expect(thousands.effect.total).toBeCloseTo(16650, 6);
    expect(decimal.effect.total).toBeCloseTo(915.75, 6);
    // Unanswered, the load is refused before anything is replaced.
    await expect(analytics.applyImport({ mappings: [chosen] })).rejects.toThrow(/net_value.*reads two ways/);
    const answered = { ...chosen, decisions: { ...chosen.decisions, net_value: thousands.decisions } };
    await analytics.applyImport({ mappings: [answered] });
    const all = await analytics.dashboard({ period: 'all', fiscalStartMonth: 1 });
    expect(kpi(all, 'won_amount')).toBeCloseTo(15750, 6);
  });

  it('asks day-first or month-first for a date column that reads both ways, and loads the answer', async () => {
    await stage();
    const chosen = { ...mapping, columns: { ...mapping.columns, close_date: { source: 'signed_on' } } };
    const questions = await analytics.askQuestions(chosen);
    expect(questions.map((q) => [q.column, q.kind])).toEqual([['signed_on', 'date']]);
    expect(reading(questions[0], 'day-first').effect).toMatchObject({ from: '2024-01-06', to: '2024-10-04' });
    expect(reading(questions[0], 'month-first').effect).toMatchObject({ from: '2024-04-10', to: '2024-06-01' });
    const dayFirst = reading(questions[0], 'day-first').decisions;
    await analytics.applyImport({ mappings: [{ ...chosen, decisions: { ...chosen.decisions, signed_on: dayFirst } }] });
    // Day-first, H4 (6 Jan 2024, 12,000) is the only won deal closed in January.
    const january = await analytics.dashboard({ period: '2024-01', fiscalStartMonth: 1 });
    expect(kpi(january, 'won_amount')).toBeCloseTo(12000, 6);
  });

  it('asks nothing once the column is answered or no longer mapped', async () => {
    await stage();
    expect(await analytics.askQuestions(mapping)).toEqual([]);
    const withAnswer = {
      ...mapping,
      columns: { ...mapping.columns, amount: { source: 'net_value' } },
      decisions: { ...mapping.decisions, net_value: { decimalComma: true, grouping: 'thousands' as const, units: false } },
    };
    expect(await analytics.askQuestions(withAnswer)).toEqual([]);
  });
});
