// The data's currency (docs/currency.md): from a currency column, or from the codes and
// symbols the amounts carry; none when the data names none; several stay refused.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Analytics } from '../../workers/analytics/Analytics';
import { fixture, kpi, loadFiles, openAnalytics } from './helpers/engine';

const csv = (name: string, lines: string[]) => ({ name, data: new TextEncoder().encode(lines.join('\n') + '\n') });
const HEAD = 'opportunity_id,account,deal_stage,close_date,close_value';

describe('the currency of the data', () => {
  let analytics: Analytics;
  beforeAll(async () => {
    analytics = await openAnalytics();
  });
  const currencyOf = async (files: { name: string; data: Uint8Array }[]) => {
    await loadFiles(analytics, files);
    return analytics.dashboard({ period: 'all', fiscalStartMonth: 1 });
  };

  it('comes from a currency column (the German Pipedrive export is all EUR)', async () => {
    expect((await currencyOf([fixture('crm/pipedrive/deals-de.csv')])).currencies?.code).toBe('EUR');
    expect((await currencyOf([fixture('crm/pipedrive/deals-pt.csv')])).currencies?.code).toBe('BRL');
  });

  it('comes from symbols and codes in the amounts when there is no currency column', async () => {
    expect((await currencyOf([fixture('messy/money-euro.csv')])).currencies?.code).toBe('EUR');
    expect((await currencyOf([fixture('messy/money-dollar.csv')])).currencies?.code).toBe('USD');
    const codes = await currencyOf([
      csv('chf.csv', [
        HEAD,
        'D1,Acme,Won,2024-01-10,CHF 1200',
        'D2,Beta,Won,2024-01-11,300 CHF',
        'D3,Gamma,Lost,2024-01-12,CHF 50',
      ]),
    ]);
    expect(codes.currencies?.code).toBe('CHF');
    expect(kpi(codes, 'won_amount')).toBe(1500);
  });

  it('is none when nothing names one, and several stay refused', async () => {
    expect((await currencyOf([fixture('maven-crm/sales_pipeline.csv')])).currencies?.code ?? null).toBeNull();
    const mixed = await currencyOf([csv('mixed.csv', [HEAD, 'D1,Acme,Won,2024-01-10,€ 1200', 'D2,Beta,Won,2024-01-11,£ 300'])]);
    expect(mixed.currencies?.code ?? null).toBeNull();
    expect(kpi(mixed, 'won_amount')).toBeNull();
    expect(mixed.currencies?.blocked).toMatch(/EUR, GBP/);
  });
});
